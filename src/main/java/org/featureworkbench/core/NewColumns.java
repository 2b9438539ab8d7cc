package org.featureworkbench.core;

import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;

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

    /** Whether the file has no column the group lacks. */
    public boolean isEmpty() {
        return features.isEmpty() && renamed.isEmpty();
    }

    /** "email (String), name (String)". */
    public String describe() {
        return String.join(", ", features.stream().map(f -> f.name() + " (" + f.type().awsName() + ")").toList());
    }
}
