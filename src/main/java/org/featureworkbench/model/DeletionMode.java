package org.featureworkbench.model;

/** DeleteRecord DeletionMode. */
public enum DeletionMode {
    /** The record stops being readable; the online row stays as a tombstone. The default. */
    SOFT_DELETE("SoftDelete"),
    /** The online row is removed. */
    HARD_DELETE("HardDelete");

    private final String awsName;

    DeletionMode(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }
}
