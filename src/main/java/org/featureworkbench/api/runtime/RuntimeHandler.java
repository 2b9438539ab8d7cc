package org.featureworkbench.api.runtime;

import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;

/**
 * One Feature Store Runtime operation (REST-JSON). The router matched the method and path and
 * hands over the request with the {@code {FeatureGroupName}} path segment already decoded (an ARN
 * reduced to the group's name).
 *
 * <p>Implementations are stateless apart from the store they were built with, and are called
 * from many server threads at once. They throw {@link ApiException} or the store's own
 * exceptions; the server renders both in AWS's error shape.
 */
@FunctionalInterface
public interface RuntimeHandler {

    /**
     * @param groupName the feature group named in the path, or null for operations without one
     *                  (BatchGetRecord, BatchWriteRecord)
     */
    ApiResponse handle(ApiRequest request, String groupName);
}
