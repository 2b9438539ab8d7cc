package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.GroupNames;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.BatchWriteEntry;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.model.ValidationException;

/**
 * Reads one {@code BatchWriteRecordEntry} ({@code FeatureGroupName}, {@code Record},
 * {@code TargetStores}, {@code TtlDuration}) as PutRecord reads its request, and a
 * {@code TtlDuration}. Problems are {@link ValidationException}s naming the field by its path,
 * e.g. {@code Entries[2].Record[0].ValueAsString}, so BatchWriteRecord can report them per entry.
 */
final class BatchWriteEntryReader {
    private BatchWriteEntryReader() {
    }

    static BatchWriteEntry read(JsonNode entry, String path, FeatureStore store) {
        try {
            String group = GroupNames.storedName(store, RequestBody.string(entry, "FeatureGroupName", path + "."),
                    path + ".FeatureGroupName");
            return new BatchWriteEntry(group,
                    PutRecordHandler.record(RequestBody.list(entry, "Record", path + "."), path + ".Record"),
                    PutRecordHandler.targetStores(RequestBody.strings(entry, "TargetStores", path + "."),
                            path + ".TargetStores"),
                    ttl(entry.get("TtlDuration"), path + ".TtlDuration"));
        } catch (ApiException invalid) {
            // The shared readers answer a whole request; here it is one entry's error.
            throw new ValidationException("", invalid.getMessage());
        }
    }

    /** A TtlDuration {@code {"Unit": "Days", "Value": 7}}, or null when absent. */
    static TtlDuration ttl(JsonNode ttl, String path) {
        if (ttl == null || ttl.isNull()) {
            return null;
        }
        if (!ttl.isObject()) {
            throw new ValidationException(path, "give {\"Unit\": \"Days\", \"Value\": 7}, or leave it out");
        }
        JsonNode unit = ttl.get("Unit");
        JsonNode value = ttl.get("Value");
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ValidationException(path + ".Value", "give a whole number, e.g. 7");
        }
        return new TtlDuration(TtlUnit.parse(unit == null || !unit.isTextual() ? null : unit.textValue(),
                path + ".Unit"), value.longValue());
    }
}
