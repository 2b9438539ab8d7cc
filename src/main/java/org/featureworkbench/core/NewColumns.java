package org.featureworkbench.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;

/**
 * The columns of a file that a group has no feature for, as the features that would keep them
 * (AWS's introduction adds {@code email} and {@code name} to its customers group this way before
 * ingesting the updated file).
 *
 * @param features one feature per new column whose name is a valid feature name as it is, with the
 *                 type inference gives the column's values
 * @param renamed  new columns whose names are not valid feature names (e.g. {@code "first name"}),
 *                 each with the valid name inference suggests ({@code first_name}): the ingest maps
 *                 columns to features by name, so the file's column needs that name first
 */
public record NewColumns(List<FeatureDefinition> features, Map<String, String> renamed) {
    public NewColumns {
        features = List.copyOf(features);
        renamed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(renamed));
    }

    /**
     * The columns of an inferred file that {@code group} has no feature for, matched as the ingest
     * matches them (by name, ignoring case). Pure: the CLI, the wizard and
     * {@link IngestOperations#newColumns} all decide with it.
     */
    public static NewColumns of(FeatureGroup group, InferredGroup inferred) {
        Set<String> taken = new HashSet<>();
        group.features().forEach(f -> taken.add(f.name().toLowerCase(Locale.ROOT)));
        List<FeatureDefinition> features = new ArrayList<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        for (InferredGroup.Column c : inferred.columns()) {
            if (taken.contains(c.column().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (c.column().equals(c.featureName())) {
                features.add(new FeatureDefinition(c.featureName(), c.type()));
            } else {
                renamed.put(c.column(), c.featureName());
            }
        }
        return new NewColumns(features, renamed);
    }

    /** One sentence per column to rename: "column 'first name' is not a valid feature name; rename it to …". */
    public List<String> renameAdvice() {
        return renamed.entrySet().stream().map(e -> "column '" + e.getKey()
                + "' is not a valid feature name; rename it to " + e.getValue() + " in the file to keep it").toList();
    }

    /** Whether the file has no column the group lacks. */
    public boolean isEmpty() {
        return features.isEmpty() && renamed.isEmpty();
    }

    /** "email (String), name (String)". */
    public String describe() {
        return String.join(", ", features.stream().map(f -> f.name() + " (" + f.type().awsName() + ")").toList());
    }
}
