package org.featureworkbench.api.control;

import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.core.FeatureStore;

/**
 * SageMaker's control plane for feature groups (AWS JSON 1.1: {@code POST /} with
 * {@code X-Amz-Target: SageMaker.<Operation>}). The server hands it the operation name (the part
 * after {@code SageMaker.}) and the request; it answers through the {@link FeatureStore} facade.
 */
public final class ControlPlaneApi {
    private final FeatureStore store;

    public ControlPlaneApi(FeatureStore store) {
        this.store = store;
    }

    /**
     * Answers one control-plane call.
     *
     * @param operation e.g. {@code CreateFeatureGroup}
     * @throws ApiException in AWS's error shape for a bad request, a missing group, an unknown operation
     */
    public ApiResponse handle(String operation, ApiRequest request) {
        throw new ApiException(400, "UnknownOperationException",
                "operation '" + operation + "' is not served by this endpoint");
    }

    FeatureStore store() {
        return store;
    }
}
