package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Set;
import org.featureworkbench.model.BatchWriteEntry;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.model.ValidationException;

/**
 * Reads one {@code BatchWriteRecordEntry} ({@code FeatureGroupName}, {@code Record},
 * {@code TargetStores}, {@code TtlDuration}) and a {@code TtlDuration}. Problems are
 * {@link ValidationException}s naming the field by its path, e.g. {@code Entries[2].Record[0].ValueAsString},
 * so BatchWriteRecord can report them per entry.
 */
final class BatchWriteEntryReader {
    private BatchWriteEntryReader() {
    }

    static BatchWriteEntry read(JsonNode entry, String path) {
        String group = text(entry.get("FeatureGroupName"), path + ".FeatureGroupName", true);
        JsonNode record = entry.get("Record");
        if (record == null || !record.isArray() || record.isEmpty()) {
            throw new ValidationException(path + ".Record", "give the record as a non-empty list of"
                    + " {\"FeatureName\": …, \"ValueAsString\": …}");
        }
        return new BatchWriteEntry(RuntimeJson.groupName(group), record(record, path + ".Record"),
                targets(entry.get("TargetStores"), path + ".TargetStores"), ttl(entry.get("TtlDuration"),
                path + ".TtlDuration"));
    }

    private static Record record(JsonNode list, String path) {
        Record.Builder record = Record.builder();
        for (int i = 0; i < list.size(); i++) {
            JsonNode value = list.get(i);
            String at = path + "[" + i + "]";
            if (!value.isObject()) {
                throw new ValidationException(at, "each feature value must be {\"FeatureName\": …, \"ValueAsString\": …}");
            }
            if (value.has("ValueAsStringList")) {
                throw new ValidationException(at + ".ValueAsStringList", "collection features (lists, sets, vectors)"
                        + " are not supported here; give the value as ValueAsString");
            }
            String name = text(value.get("FeatureName"), at + ".FeatureName", true);
            record.put(name, text(value.get("ValueAsString"), at + ".ValueAsString", true));
        }
        return record.build();
    }

    private static Set<TargetStore> targets(JsonNode list, String path) {
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new ValidationException(path, "give a list of OnlineStore and/or OfflineStore, or leave it out"
                    + " to write the group's stores");
        }
        Set<TargetStore> targets = EnumSet.noneOf(TargetStore.class);
        for (JsonNode item : list) {
            String name = item.isTextual() ? item.textValue() : item.toString();
            targets.add(EnumSet.allOf(TargetStore.class).stream().filter(t -> t.awsName().equals(name)).findFirst()
                    .orElseThrow(() -> new ValidationException(path, "unknown target store " + item
                            + "; use OnlineStore or OfflineStore")));
        }
        return targets;
    }

    /** A TtlDuration {@code {"Unit": "Days", "Value": 7}}, or null when absent. */
    static TtlDuration ttl(JsonNode ttl, String path) {
        if (ttl == null || ttl.isNull()) {
            return null;
        }
        if (!ttl.isObject()) {
            throw new ValidationException(path, "give {\"Unit\": \"Days\", \"Value\": 7}, or leave it out");
        }
        String unit = text(ttl.get("Unit"), path + ".Unit", true);
        JsonNode value = ttl.get("Value");
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ValidationException(path + ".Value", "give a whole number of " + unit + ", e.g. 7");
        }
        return new TtlDuration(TtlUnit.parse(unit, path + ".Unit"), value.longValue());
    }

    private static String text(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw new ValidationException(path, "is missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new ValidationException(path, "must be a string, got " + node);
        }
        return node.textValue();
    }
}
