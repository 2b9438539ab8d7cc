package org.featureworkbench.model;

/** The name is already taken (or the resource is busy). SageMaker's ResourceInUse. */
public class ResourceInUseException extends FeatureStoreException {
    private static final long serialVersionUID = 1L;

    public ResourceInUseException(String message) {
        super(message);
    }
}
