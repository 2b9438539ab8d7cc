package org.featureworkbench.model;

/**
 * Base of every error the feature store reports to a user. The message is meant to be shown
 * as-is: it says what is wrong, where, and how to fix it.
 */
public class FeatureStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeatureStoreException(String message) {
        super(message);
    }

    public FeatureStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
