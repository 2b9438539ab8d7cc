package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.BatchWriteEntry;
import org.featureworkbench.model.BatchWriteResult;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.ValidationException;

/**
 * {@code POST /BatchWriteRecord}: SageMaker's BatchWriteRecord, 1 to 25 entries across groups. Each
 * entry is a PutRecord of its own; one that cannot be written is listed under {@code Errors} (a bad
 * value, an unknown group) or {@code UnprocessedEntries} (the store failed for now; retry it) with
 * the entry echoed as sent, and the others are written all the same. Thread-safe.
 */
public final class BatchWriteRecordHandler {
    private final FeatureStore store;

    public BatchWriteRecordHandler(FeatureStore store) {
        this.store = store;
    }

    /**
     * @throws ApiException ValidationError when the request as a whole is malformed: no
     *                      {@code Entries} list, more than 25 entries, an entry that is not an
     *                      object, or a bad request-level {@code TtlDuration}
     */
    public ApiResponse handle(ApiRequest request) {
        ObjectNode body = RuntimeJson.body(request.body(), "BatchWriteRecord");
        JsonNode entries = body.get("Entries");
        if (entries == null || !entries.isArray() || entries.isEmpty() || entries.size() > 25) {
            throw RuntimeJson.validation("Entries: give a list of 1 to 25 entries {\"FeatureGroupName\": …,"
                    + " \"Record\": […]}" + (entries != null && entries.isArray() ? ", got " + entries.size() : "")
                    + "; split larger batches");
        }
        TtlDuration requestTtl;
        try {
            requestTtl = BatchWriteEntryReader.ttl(body.get("TtlDuration"), "TtlDuration");
        } catch (FeatureStoreException e) {
            throw RuntimeJson.error(e);
        }

        ObjectNode response = RuntimeJson.MAPPER.createObjectNode();
        ArrayNode errors = response.putArray("Errors");
        ArrayNode unprocessed = response.putArray("UnprocessedEntries");
        // Entries that read well go to the facade together; positions map its answers back to the request.
        List<BatchWriteEntry> readable = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                throw RuntimeJson.validation("Entries[" + i + "] must be an object {\"FeatureGroupName\": …,"
                        + " \"Record\": […]}, got " + entry);
            }
            try {
                readable.add(BatchWriteEntryReader.read(entry, "Entries[" + i + "]"));
                positions.add(i);
            } catch (ValidationException invalid) {
                error(errors, entry, BatchWriteResult.VALIDATION_ERROR, invalid.getMessage());
            }
        }
        if (!readable.isEmpty()) {
            BatchWriteResult result;
            try {
                result = store.records().batchWriteRecord(readable, requestTtl);
            } catch (FeatureStoreException e) {
                throw RuntimeJson.error(e);
            }
            for (BatchWriteResult.Failure f : result.errors()) {
                error(errors, entries.get(positions.get(f.entry())), f.errorCode(), f.errorMessage());
            }
            result.unprocessed().forEach(n -> unprocessed.add(entries.get(positions.get(n)).deepCopy()));
        }
        return RuntimeJson.ok(response);
    }

    private static void error(ArrayNode errors, JsonNode entry, String code, String message) {
        ObjectNode error = errors.addObject();
        error.set("Entry", entry.deepCopy());
        error.put("ErrorCode", code);
        error.put("ErrorMessage", message);
    }
}
