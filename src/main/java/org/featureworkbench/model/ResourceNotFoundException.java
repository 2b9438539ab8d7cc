package org.featureworkbench.model;

/** The named feature group (or feature) does not exist. SageMaker's ResourceNotFound. */
public class ResourceNotFoundException extends FeatureStoreException {
    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
