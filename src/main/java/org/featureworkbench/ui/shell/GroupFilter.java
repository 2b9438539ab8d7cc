package org.featureworkbench.ui.shell;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;

/**
 * The sidebar's live search: a group matches when every word of the text occurs (ignoring
 * case) in its name, description, record identifier name, a feature name, or a tag key or
 * value — the same fields as the facade's GroupSearchQuery. It runs on the loaded list, so
 * filtering as the user types needs no store round trip.
 */
public record GroupFilter(String text) implements Predicate<FeatureGroup> {

    @Override
    public boolean test(FeatureGroup group) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String haystack = haystack(group);
        for (String word : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String haystack(FeatureGroup group) {
        StringBuilder all = new StringBuilder()
                .append(group.name()).append('\n')
                .append(group.definition().description()).append('\n')
                .append(group.definition().recordIdentifierFeatureName()).append('\n');
        for (FeatureDefinition f : group.features()) {
            all.append(f.name()).append('\n');
        }
        for (Map.Entry<String, String> tag : group.definition().tags().entrySet()) {
            all.append(tag.getKey()).append('\n').append(tag.getValue()).append('\n');
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }
}
