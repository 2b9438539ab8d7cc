package org.featureworkbench.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PutRecord / GetRecord record: feature name → value as string, in the order given, as
 * SageMaker's {@code [{FeatureName, ValueAsString}]}. A null value means the feature is absent
 * (the same as leaving it out). Values are not checked here; {@link RecordValidator} types them
 * against a group.
 *
 * @param values feature name → value as string (null = absent), unmodifiable, never null
 */
public record Record(Map<String, String> values) {

    public Record {
        // A LinkedHashMap keeps the caller's order and, unlike Map.copyOf, allows null values.
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code featureName}, or null when absent. */
    public String value(String featureName) {
        return values.get(featureName);
    }

    /** Builds a record feature by feature. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects name/value pairs in order; a name given twice is a validation error, as in a request. */
    public static final class Builder {
        private final LinkedHashMap<String, String> values = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @throws ValidationException when the feature was already given
         */
        public Builder put(String featureName, String valueAsString) {
            if (values.containsKey(featureName)) {
                throw new ValidationException(featureName, "feature '" + featureName
                        + "' is given twice in the record; give each feature once");
            }
            values.put(featureName, valueAsString);
            return this;
        }

        public Record build() {
            return new Record(values);
        }
    }
}
