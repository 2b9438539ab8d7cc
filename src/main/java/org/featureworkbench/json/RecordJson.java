package org.featureworkbench.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.BatchGetResult;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.RecordIdPage;

/**
 * SageMaker's featurestore-runtime response shapes as JSON: GetRecord
 * {@code {"Record": [{"FeatureName": …, "ValueAsString": …}]}} and BatchGetRecord
 * {@code {"Records": […], "Errors": […], "UnprocessedIdentifiers": […]}}.
 *
 * <p>Features without a value are left out of {@code Record}, as GetRecord leaves them out. With
 * expiry asked for (the API's {@code ExpirationTimeResponse=Enabled}) a record with a TTL also
 * carries {@code ExpiresAt}, an ISO-8601 UTC string. A missing record is an empty GetRecord
 * response, {@code {}}. Stateless and thread-safe.
 */
public final class RecordJson {
    private RecordJson() {
    }

    /** The GetRecord response: {@code {}} when the record is missing. */
    public static String writeGetRecord(Optional<OnlineRecord> record, boolean withExpiry) {
        ObjectNode root = Shapes.object();
        record.ifPresent(r -> {
            root.set("Record", values(r));
            expiry(root, r, withExpiry);
        });
        return Shapes.pretty(root);
    }

    /** The BatchGetRecord response; all three lists are always present, as the API returns them. */
    public static String writeBatchGetRecord(BatchGetResult result, boolean withExpiry) {
        ObjectNode root = Shapes.object();
        ArrayNode records = root.putArray("Records");
        for (OnlineRecord r : result.records()) {
            ObjectNode item = records.addObject();
            item.put("FeatureGroupName", r.featureGroupName());
            item.put("RecordIdentifierValueAsString", r.recordIdentifierValueAsString());
            item.set("Record", values(r));
            expiry(item, r, withExpiry);
        }
        ArrayNode errors = root.putArray("Errors");
        for (BatchGetResult.Error e : result.errors()) {
            errors.addObject()
                    .put("FeatureGroupName", e.featureGroupName())
                    .put("RecordIdentifierValueAsString", e.recordIdentifierValueAsString())
                    .put("ErrorCode", e.errorCode())
                    .put("ErrorMessage", e.errorMessage());
        }
        ArrayNode unprocessed = root.putArray("UnprocessedIdentifiers");
        for (BatchGetIdentifier i : result.unprocessedIdentifiers()) {
            ObjectNode item = unprocessed.addObject();
            item.put("FeatureGroupName", i.featureGroupName());
            strings(item.putArray("RecordIdentifiersValueAsString"), i.recordIdentifiersValueAsString());
            if (!i.featureNames().isEmpty()) {
                strings(item.putArray("FeatureNames"), i.featureNames());
            }
        }
        return Shapes.pretty(root);
    }

    /** The ListRecords response; NextToken only when more records follow. */
    public static String writeListRecords(RecordIdPage page) {
        ObjectNode root = Shapes.object();
        strings(root.putArray("RecordIdentifiers"), page.recordIdentifiers());
        page.nextToken().ifPresent(token -> root.put("NextToken", token));
        return Shapes.pretty(root);
    }

    private static ArrayNode values(OnlineRecord record) {
        ArrayNode array = JsonSource.MAPPER.createArrayNode();
        record.toRecord().values().forEach((name, value) ->
                array.addObject().put("FeatureName", name).put("ValueAsString", value));
        return array;
    }

    private static void expiry(ObjectNode node, OnlineRecord record, boolean withExpiry) {
        if (withExpiry && record.expiresAt() != null) {
            node.put("ExpiresAt", EventTimes.format(record.expiresAt(), FeatureType.STRING));
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
