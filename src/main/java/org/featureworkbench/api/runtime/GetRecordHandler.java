package org.featureworkbench.api.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.OnlineRecord;

/**
 * GetRecord: {@code GET /FeatureGroup/{FeatureGroupName}?RecordIdentifierValueAsString=…&FeatureName=…
 * &ExpirationTimeResponse=Enabled}. A missing, deleted or expired record is a 200 with {@code {}}
 * (no {@code Record} member), as AWS answers it; a missing group is ResourceNotFound.
 */
public final class GetRecordHandler implements RuntimeHandler {
    private final FeatureStore store;
    private final boolean withoutWaiting;

    /**
     * @param withoutWaiting whether to read with {@code RecordOperations.getRecordWithoutWaiting}
     *                       (throws ReadWouldWaitException instead of waiting, for the selector thread)
     */
    public GetRecordHandler(FeatureStore store, boolean withoutWaiting) {
        this.store = store;
        this.withoutWaiting = withoutWaiting;
    }

    @Override
    public ApiResponse handle(ApiRequest request, String groupName) {
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        String recordId = query.required("RecordIdentifierValueAsString");
        List<String> features = query.all("FeatureName");
        boolean withExpiry = ExpirationTimeResponse.enabled(query.optional("ExpirationTimeResponse"));
        Optional<OnlineRecord> record = withoutWaiting
                ? store.records().getRecordWithoutWaiting(groupName, recordId, features)
                : store.records().getRecord(groupName, recordId, features);
        return new ApiResponse(200, "application/json", Map.of(), RecordResponses.getRecord(record, withExpiry));
    }
}
