package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.RecordIdPage;

/**
 * {@code POST /FeatureGroup/{FeatureGroupName}/ListRecords}: SageMaker's ListRecords. The body holds
 * {@code MaxResults}, {@code NextToken} and {@code IncludeSoftDeletedRecords}, all optional; the
 * response is {@code {"RecordIdentifiers": […], "NextToken": …}}, the token only when more follow.
 * Thread-safe.
 */
public final class ListRecordsHandler implements RuntimeHandler {
    private final FeatureStore store;

    public ListRecordsHandler(FeatureStore store) {
        this.store = store;
    }

    /**
     * @param groupName the path's {@code {FeatureGroupName}}, as the router decoded it
     * @throws ApiException ValidationError for a bad body; the store's own exceptions (e.g.
     *                      ResourceNotFound for an unknown group) pass to the server, which renders them
     */
    @Override
    public ApiResponse handle(ApiRequest request, String groupName) {
        // Every member is optional, so a hand-made call may send no body at all.
        JsonNode body = request.body().length == 0 ? JsonNodeFactory.instance.objectNode()
                : RequestBody.object(request, "ListRecords");
        Integer maxResults = maxResults(body.get("MaxResults"));
        String nextToken = nextToken(body.get("NextToken"));
        boolean includeDeleted = includeSoftDeleted(body.get("IncludeSoftDeletedRecords"));
        RecordIdPage page = store.records().listRecords(groupName, maxResults, nextToken, includeDeleted);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        page.recordIdentifiers().forEach(response.putArray("RecordIdentifiers")::add);
        page.nextToken().ifPresent(token -> response.put("NextToken", token));
        return RuntimeResponses.ok(response);
    }

    private static Integer maxResults(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw RequestBody.invalid("MaxResults must be a whole number, got " + node);
        }
        return node.intValue();
    }

    private static String nextToken(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw RequestBody.invalid("NextToken must be the string the previous ListRecords returned, got " + node);
        }
        return node.textValue();
    }

    private static boolean includeSoftDeleted(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw RequestBody.invalid("IncludeSoftDeletedRecords must be true or false, got " + node);
        }
        return node.booleanValue();
    }
}
