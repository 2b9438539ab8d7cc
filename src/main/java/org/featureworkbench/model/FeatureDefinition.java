package org.featureworkbench.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One feature of a group: its name and type (immutable once created) and its metadata
 * (description and key/value parameters, which may change later).
 *
 * @param name        feature name (validated by {@link FeatureGroupValidator})
 * @param type        feature type
 * @param description metadata description, empty when unset, never null
 * @param parameters  metadata parameters in insertion order, never null, unmodifiable
 */
public record FeatureDefinition(String name, FeatureType type, String description, Map<String, String> parameters) {

    public FeatureDefinition {
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public FeatureDefinition(String name, FeatureType type) {
        this(name, type, "", Map.of());
    }

    /** Parses the command-line form {@code NAME:TYPE}, e.g. {@code age:Integral}. */
    public static FeatureDefinition parse(String nameColonType, String field) {
        int colon = nameColonType == null ? -1 : nameColonType.lastIndexOf(':');
        if (colon <= 0 || colon == nameColonType.length() - 1) {
            throw new ValidationException(field, "'" + nameColonType
                    + "' is not NAME:TYPE; write e.g. age:Integral, score:Fractional or city:String");
        }
        return new FeatureDefinition(nameColonType.substring(0, colon).trim(),
                FeatureType.fromAwsName(nameColonType.substring(colon + 1), field));
    }

    public FeatureDefinition withMetadata(String newDescription, Map<String, String> newParameters) {
        return new FeatureDefinition(name, type, newDescription, newParameters);
    }
}
