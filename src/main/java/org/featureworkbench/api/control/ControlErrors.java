package org.featureworkbench.api.control;

import org.featureworkbench.api.ApiException;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.ResourceInUseException;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.ValidationException;

/**
 * The store's errors in SageMaker's control-plane codes. The codes are the error shape names of
 * the SageMaker service model, which the SDKs map to their exception classes
 * ({@code ResourceNotFound} to {@code ResourceNotFoundException}, ...); {@code ValidationException}
 * is what SageMaker sends for a bad request (the model has no shape for it, so SDKs raise their
 * service's base exception with that code). Messages are the store's own, written for users.
 */
final class ControlErrors {
    static final String VALIDATION = "ValidationException";
    static final String NOT_FOUND = "ResourceNotFound";
    static final String IN_USE = "ResourceInUse";
    static final String LIMIT_EXCEEDED = "ResourceLimitExceeded";

    private ControlErrors() {
    }

    /** The caller's errors as ApiException; anything else is rethrown for the server to classify. */
    static ApiException toApi(FeatureStoreException e) {
        if (e instanceof ValidationException) {
            return validation(e.getMessage());
        }
        if (e instanceof ResourceNotFoundException) {
            return new ApiException(400, NOT_FOUND, e.getMessage());
        }
        if (e instanceof ResourceInUseException) {
            return new ApiException(400, IN_USE, e.getMessage());
        }
        // A store failure (disk, a database changing hands) is not the caller's fault: the server
        // knows which of those are worth a retry (503) and which are internal (500).
        throw e;
    }

    static ApiException validation(String message) {
        return new ApiException(400, VALIDATION, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(400, NOT_FOUND, message);
    }
}
