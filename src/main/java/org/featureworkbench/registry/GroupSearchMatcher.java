package org.featureworkbench.registry;

import java.util.Locale;
import java.util.Map;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.GroupSearchQuery;

/** Decides whether a group matches a {@link GroupSearchQuery}. Pure function, thread-safe. */
final class GroupSearchMatcher {
    private GroupSearchMatcher() {
    }

    static boolean matches(FeatureGroup group, GroupSearchQuery query) {
        return matchesText(group.definition(), query.text())
                && matchesTags(group.definition().tags(), query.tags())
                && (query.createdAfter() == null || !group.creationTime().isBefore(query.createdAfter()))
                && (query.createdBefore() == null || !group.creationTime().isAfter(query.createdBefore()));
    }

    private static boolean matchesText(FeatureGroupDefinition d, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.trim().toLowerCase(Locale.ROOT);
        if (contains(d.name(), needle) || contains(d.description(), needle)
                || contains(d.recordIdentifierFeatureName(), needle)) {
            return true;
        }
        return d.features().stream().anyMatch(f -> contains(f.name(), needle) || contains(f.description(), needle))
                || d.tags().entrySet().stream().anyMatch(t -> contains(t.getKey(), needle) || contains(t.getValue(), needle));
    }

    private static boolean matchesTags(Map<String, String> tags, Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(w -> w.getValue().equals(tags.get(w.getKey())));
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }
}
