package org.featureworkbench.model;

/** Lifecycle states, named as SageMaker's FeatureGroupStatus. Local creation is immediate. */
public enum FeatureGroupStatus {
    CREATING("Creating"),
    CREATED("Created"),
    CREATE_FAILED("CreateFailed"),
    DELETING("Deleting"),
    DELETE_FAILED("DeleteFailed");

    private final String awsName;

    FeatureGroupStatus(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    public static FeatureGroupStatus fromAwsName(String value) {
        for (FeatureGroupStatus s : values()) {
            if (s.awsName.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status " + value);
    }
}
