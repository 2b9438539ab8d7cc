package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.api.GroupNames;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.RecordJson;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.BatchGetResult;

/**
 * BatchGetRecord: {@code POST /BatchGetRecord} with
 * {@code {"Identifiers": [{"FeatureGroupName", "RecordIdentifiersValueAsString", "FeatureNames"}], "ExpirationTimeResponse"}}.
 * At most 100 record identifiers in all; a missing group or record is reported per identifier in
 * {@code Errors}, as AWS does, rather than failing the call.
 */
public final class BatchGetRecordHandler implements RuntimeHandler {
    /** The model allows 100 identifiers per entry and 100 entries; the service caps the ids in all at 100. */
    static final int MAX_IDENTIFIERS = 100;

    private final FeatureStore store;

    public BatchGetRecordHandler(FeatureStore store) {
        this.store = store;
    }

    @Override
    public ApiResponse handle(ApiRequest request, String ignored) {
        JsonNode body = RequestBody.object(request, "BatchGetRecord");
        JsonNode entries = RequestBody.list(body, "Identifiers", "");
        if (entries.isEmpty()) {
            throw RequestBody.invalid("Identifiers is empty; give at least one {\"FeatureGroupName\": …,"
                    + " \"RecordIdentifiersValueAsString\": [...]}");
        }
        List<BatchGetIdentifier> identifiers = new ArrayList<>(entries.size());
        int ids = 0;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String at = "Identifiers[" + i + "].";
            if (!entry.isObject()) {
                throw RequestBody.invalid("Identifiers[" + i + "] must be an object");
            }
            String group = GroupNames.storedName(store, RequestBody.string(entry, "FeatureGroupName", at),
                    at + "FeatureGroupName");
            List<String> recordIds = RequestBody.strings(entry, "RecordIdentifiersValueAsString", at);
            if (recordIds.isEmpty()) {
                throw RequestBody.invalid(at + "RecordIdentifiersValueAsString is missing or empty; give at least one"
                        + " record identifier");
            }
            ids += recordIds.size();
            identifiers.add(new BatchGetIdentifier(group, recordIds, RequestBody.strings(entry, "FeatureNames", at)));
        }
        if (ids > MAX_IDENTIFIERS) {
            throw RequestBody.invalid("the request asks for " + ids + " records; BatchGetRecord reads at most "
                    + MAX_IDENTIFIERS + " per call, so split it into several calls");
        }
        boolean withExpiry = ExpirationTimeResponse.enabled(RequestBody.optionalString(body, "ExpirationTimeResponse", ""));
        BatchGetResult result = store.records().batchGetRecord(identifiers);
        return new ApiResponse(200, "application/json", Map.of(),
                RecordJson.writeBatchGetRecord(result, withExpiry).getBytes(StandardCharsets.UTF_8));
    }
}
