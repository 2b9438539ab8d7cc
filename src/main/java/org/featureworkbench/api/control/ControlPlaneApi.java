package org.featureworkbench.api.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureStoreException;

/**
 * SageMaker's control plane for feature groups (AWS JSON 1.1: {@code POST /} with
 * {@code X-Amz-Target: SageMaker.<Operation>}). The server hands it the operation name (the part
 * after {@code SageMaker.}) and the request; it answers through the {@link FeatureStore} facade.
 *
 * <p>Served: CreateFeatureGroup, DescribeFeatureGroup, ListFeatureGroups, DeleteFeatureGroup,
 * UpdateFeatureGroup, UpdateFeatureMetadata, DescribeFeatureMetadata, Search (FeatureGroup and
 * FeatureMetadata), AddTags, ListTags and DeleteTags. Responses are {@code application/x-amz-json-1.1}
 * with times as epoch seconds. Thread-safe: it keeps no state between calls. See ADR 0022.
 */
public final class ControlPlaneApi {
    /** The content type of every AWS JSON 1.1 response. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final FeatureStore store;
    private final Map<String, Function<ControlRequest, JsonNode>> operations;

    /**
     * @param notices told what a request did not do that it asked for, e.g. the cloud-only
     *                settings of a created group (the response has no place for a warning)
     */
    public ControlPlaneApi(FeatureStore store, Consumer<String> notices) {
        this.store = store;
        GroupOperations groups = new GroupOperations(store, notices);
        TagOperations tags = new TagOperations(store);
        this.operations = Map.ofEntries(
                Map.entry("CreateFeatureGroup", groups::create),
                Map.entry("DescribeFeatureGroup", groups::describe),
                Map.entry("ListFeatureGroups", new ListFeatureGroupsOperation(store)::list),
                Map.entry("DeleteFeatureGroup", groups::delete),
                Map.entry("UpdateFeatureGroup", groups::update),
                Map.entry("UpdateFeatureMetadata", groups::updateFeatureMetadata),
                Map.entry("DescribeFeatureMetadata", groups::describeFeatureMetadata),
                Map.entry("Search", new SearchOperation(store)::search),
                Map.entry("AddTags", tags::add),
                Map.entry("ListTags", tags::list),
                Map.entry("DeleteTags", tags::delete));
    }

    /**
     * Answers one control-plane call.
     *
     * @param operation e.g. {@code CreateFeatureGroup}
     * @return 200 with the operation's JSON output; an empty body for operations without output
     * @throws ApiException in AWS's error shape for a bad request, a missing group, an unknown operation
     */
    public ApiResponse handle(String operation, ApiRequest request) {
        Function<ControlRequest, JsonNode> handler = operations.get(operation);
        if (handler == null) {
            throw new ApiException(400, "UnknownOperationException",
                    "operation '" + operation + "' is not served by this endpoint; it serves the feature group "
                            + "operations of SageMaker: " + String.join(", ", operations.keySet().stream().sorted().toList()));
        }
        JsonNode output;
        try {
            output = handler.apply(ControlRequest.parse(operation, request.body()));
        } catch (FeatureStoreException e) {
            throw ControlErrors.toApi(e);
        }
        return output == null ? new ApiResponse(200, CONTENT_TYPE, Map.of(), new byte[0])
                : new ApiResponse(200, CONTENT_TYPE, Map.of(), bytes(output));
    }

    private static byte[] bytes(JsonNode output) {
        try {
            return ControlRequest.JSON.writeValueAsString(output).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            // A tree built here always serialises.
            throw new IllegalStateException(e);
        }
    }

    FeatureStore store() {
        return store;
    }
}
