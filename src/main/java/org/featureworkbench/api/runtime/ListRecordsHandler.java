package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.RecordIdPage;

/**
 * {@code POST /FeatureGroup/{FeatureGroupName}/ListRecords}: SageMaker's ListRecords. The body holds
 * {@code MaxResults}, {@code NextToken} and {@code IncludeSoftDeletedRecords}, all optional; the
 * response is {@code {"RecordIdentifiers": […], "NextToken": …}}, the token only when more follow.
 * Thread-safe.
 */
public final class ListRecordsHandler {
    private final FeatureStore store;

    public ListRecordsHandler(FeatureStore store) {
        this.store = store;
    }

    /**
     * @param featureGroupName the path's {@code {FeatureGroupName}}, percent-decoded: a name or an ARN
     * @throws ApiException ValidationError for a bad body, ResourceNotFound for an unknown group
     */
    public ApiResponse handle(String featureGroupName, ApiRequest request) {
        ObjectNode body = RuntimeJson.body(request.body(), "ListRecords");
        Integer maxResults = maxResults(body.get("MaxResults"));
        String nextToken = nextToken(body.get("NextToken"));
        boolean includeDeleted = includeSoftDeleted(body.get("IncludeSoftDeletedRecords"));
        RecordIdPage page;
        try {
            page = store.records().listRecords(RuntimeJson.groupName(featureGroupName), maxResults, nextToken,
                    includeDeleted);
        } catch (FeatureStoreException e) {
            throw RuntimeJson.error(e);
        }
        ObjectNode response = RuntimeJson.MAPPER.createObjectNode();
        page.recordIdentifiers().forEach(response.putArray("RecordIdentifiers")::add);
        page.nextToken().ifPresent(token -> response.put("NextToken", token));
        return RuntimeJson.ok(response);
    }

    private static Integer maxResults(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw RuntimeJson.validation("MaxResults must be a whole number, got " + node);
        }
        return node.intValue();
    }

    private static String nextToken(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw RuntimeJson.validation("NextToken must be the string the previous ListRecords returned, got " + node);
        }
        return node.textValue();
    }

    private static boolean includeSoftDeleted(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw RuntimeJson.validation("IncludeSoftDeletedRecords must be true or false, got " + node);
        }
        return node.booleanValue();
    }
}
