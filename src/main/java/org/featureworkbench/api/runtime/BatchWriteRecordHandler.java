package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.BatchWriteEntry;
import org.featureworkbench.model.BatchWriteResult;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.ValidationException;

/**
 * {@code POST /BatchWriteRecord}: SageMaker's BatchWriteRecord, 1 to 25 entries across groups. Each
 * entry is a PutRecord of its own; one that cannot be written is listed under {@code Errors} (a bad
 * value, an unknown group) or {@code UnprocessedEntries} (the store failed for now; retry it) with
 * the entry echoed as sent, and the others are written all the same. Thread-safe.
 */
public final class BatchWriteRecordHandler implements RuntimeHandler {
    private final FeatureStore store;

    public BatchWriteRecordHandler(FeatureStore store) {
        this.store = store;
    }

    /**
     * @param groupName unused: each entry names its group
     * @throws ApiException ValidationError when the request as a whole is malformed: no
     *                      {@code Entries} list, more than 25 entries, or an entry that is not an
     *                      object; {@link ValidationException} for a bad request-level
     *                      {@code TtlDuration} (the server renders both as ValidationError)
     */
    @Override
    public ApiResponse handle(ApiRequest request, String groupName) {
        JsonNode body = RequestBody.object(request, "BatchWriteRecord");
        JsonNode entries = body.get("Entries");
        if (entries == null || !entries.isArray() || entries.isEmpty() || entries.size() > 25) {
            throw RequestBody.invalid("Entries: give a list of 1 to 25 entries {\"FeatureGroupName\": …,"
                    + " \"Record\": […]}" + (entries != null && entries.isArray() ? ", got " + entries.size() : "")
                    + "; split larger batches");
        }
        TtlDuration requestTtl = BatchWriteEntryReader.ttl(body.get("TtlDuration"), "TtlDuration");

        // Errors by request position, so they come back in request order whichever step found them.
        SortedMap<Integer, ObjectNode> errors = new TreeMap<>();
        List<JsonNode> unprocessed = new ArrayList<>();
        // Entries that read well go to the facade together; positions map its answers back to the request.
        List<BatchWriteEntry> readable = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                throw RequestBody.invalid("Entries[" + i + "] must be an object {\"FeatureGroupName\": …,"
                        + " \"Record\": […]}, got " + entry);
            }
            try {
                readable.add(BatchWriteEntryReader.read(entry, "Entries[" + i + "]", store));
                positions.add(i);
            } catch (ValidationException invalid) {
                errors.put(i, error(entry, BatchWriteResult.VALIDATION_ERROR, invalid.getMessage()));
            }
        }
        if (!readable.isEmpty()) {
            BatchWriteResult result = store.records().batchWriteRecord(readable, requestTtl);
            for (BatchWriteResult.Failure f : result.errors()) {
                int position = positions.get(f.entry());
                errors.put(position, error(entries.get(position), f.errorCode(), f.errorMessage()));
            }
            result.unprocessed().forEach(n -> unprocessed.add(entries.get(positions.get(n))));
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode errorList = response.putArray("Errors");
        errors.values().forEach(errorList::add);
        ArrayNode unprocessedList = response.putArray("UnprocessedEntries");
        unprocessed.forEach(entry -> unprocessedList.add(entry.deepCopy()));
        return RuntimeResponses.ok(response);
    }

    /** A BatchWriteRecordError: the entry as it was sent, and why it was not written. */
    private static ObjectNode error(JsonNode entry, String code, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.set("Entry", entry.deepCopy());
        error.put("ErrorCode", code);
        error.put("ErrorMessage", message);
        return error;
    }
}
