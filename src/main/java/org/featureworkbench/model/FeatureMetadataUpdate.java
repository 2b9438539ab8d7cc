package org.featureworkbench.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateFeatureMetadata: a new description (null keeps the current one), parameters to add or
 * overwrite, and parameter keys to remove.
 */
public record FeatureMetadataUpdate(String description, Map<String, String> parameterAdditions,
                                    List<String> parameterRemovals) {
    public FeatureMetadataUpdate {
        parameterAdditions = parameterAdditions == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameterAdditions));
        parameterRemovals = parameterRemovals == null ? List.of() : List.copyOf(parameterRemovals);
    }

    /** Applies the update to a feature and validates the result. */
    public FeatureDefinition applyTo(FeatureDefinition feature) {
        Map<String, String> params = new LinkedHashMap<>(feature.parameters());
        parameterRemovals.forEach(params::remove);
        params.putAll(parameterAdditions);
        String newDescription = description == null ? feature.description() : description;
        FeatureGroupValidator.validateMetadata(feature.name(), newDescription, params);
        return feature.withMetadata(newDescription, params);
    }
}
