package org.featureworkbench.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** SageMaker's three feature types, spelt as the API spells them. */
public enum FeatureType {
    /** 64-bit signed integer. */
    INTEGRAL("Integral"),
    /** IEEE-754 double. */
    FRACTIONAL("Fractional"),
    /** UTF-8 text, may be empty. */
    STRING("String");

    private final String awsName;

    FeatureType(String awsName) {
        this.awsName = awsName;
    }

    /** The name used by the SageMaker API and in JSON: {@code Integral}, {@code Fractional}, {@code String}. */
    public String awsName() {
        return awsName;
    }

    /**
     * Parses the API name (case-insensitive, so {@code integral} is accepted from a command line).
     *
     * @param field where the value came from, for the error message
     * @throws ValidationException naming the valid types when the value is none of them
     */
    public static FeatureType fromAwsName(String value, String field) {
        if (value != null) {
            for (FeatureType type : values()) {
                if (type.awsName.equalsIgnoreCase(value.trim())) {
                    return type;
                }
            }
        }
        throw new ValidationException(field, "unknown FeatureType '" + value + "'; use one of "
                + Arrays.stream(values()).map(FeatureType::awsName).collect(Collectors.joining(", ")));
    }

    /**
     * Parses the API name exactly as SageMaker's enum does: {@code String}, not {@code string}. For
     * request files (CreateFeatureGroup JSON), which must also work against SageMaker itself.
     *
     * @param field where the value came from, for the error message
     * @throws ValidationException naming the valid types, and the right spelling when only the case differs
     */
    public static FeatureType fromAwsNameExact(String value, String field) {
        for (FeatureType type : values()) {
            if (type.awsName.equals(value)) {
                return type;
            }
        }
        if (value != null) {
            for (FeatureType type : values()) {
                if (type.awsName.equalsIgnoreCase(value.trim())) {
                    throw new ValidationException(field, "FeatureType '" + value + "' must be written '" + type.awsName
                            + "': SageMaker's type names are case-sensitive");
                }
            }
        }
        return fromAwsName(value, field);
    }

    @Override
    public String toString() {
        return awsName;
    }
}
