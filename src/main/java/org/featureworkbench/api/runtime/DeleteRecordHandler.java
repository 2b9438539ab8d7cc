package org.featureworkbench.api.runtime;

import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.DeletionMode;

/**
 * DeleteRecord: {@code DELETE /FeatureGroup/{FeatureGroupName}?RecordIdentifierValueAsString=…&EventTime=…
 * &TargetStores=…&DeletionMode=SoftDelete|HardDelete}; answers 200 with an empty body, also when
 * there was no readable record (AWS does the same: the delete is recorded either way).
 */
public final class DeleteRecordHandler implements RuntimeHandler {
    private final FeatureStore store;

    public DeleteRecordHandler(FeatureStore store) {
        this.store = store;
    }

    @Override
    public ApiResponse handle(ApiRequest request, String groupName) {
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        String recordId = query.required("RecordIdentifierValueAsString");
        String eventTime = query.required("EventTime");
        DeletionMode mode = mode(query.optional("DeletionMode"));
        store.records().deleteRecord(groupName, recordId, eventTime, mode,
                PutRecordHandler.targetStores(query.all("TargetStores"), "TargetStores"));
        return ApiResponse.empty(200);
    }

    private static DeletionMode mode(String value) {
        if (value == null) {
            return DeletionMode.SOFT_DELETE;
        }
        for (DeletionMode mode : DeletionMode.values()) {
            if (mode.awsName().equals(value)) {
                return mode;
            }
        }
        throw RequestBody.invalid("DeletionMode is '" + value + "'; use SoftDelete or HardDelete");
    }
}
