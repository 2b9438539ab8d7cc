package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Set;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;

/**
 * PutRecord: {@code PUT /FeatureGroup/{FeatureGroupName}} with
 * {@code {"Record": [{"FeatureName", "ValueAsString"}], "TargetStores": [...], "TtlDuration": {"Unit", "Value"}}};
 * answers 200 with an empty body, as AWS does.
 */
public final class PutRecordHandler implements RuntimeHandler {
    private final FeatureStore store;

    public PutRecordHandler(FeatureStore store) {
        this.store = store;
    }

    @Override
    public ApiResponse handle(ApiRequest request, String groupName) {
        JsonNode body = RequestBody.object(request, "PutRecord");
        Record record = record(RequestBody.list(body, "Record", ""), "Record");
        Set<TargetStore> targets = targetStores(RequestBody.strings(body, "TargetStores", ""), "TargetStores");
        TtlDuration ttl = ttl(body.get("TtlDuration"));
        store.records().putRecord(groupName, record, targets, ttl);
        return ApiResponse.empty(200);
    }

    /** SageMaker's record list; shared with BatchWriteRecord's entries. */
    public static Record record(JsonNode list, String where) {
        if (list.isEmpty()) {
            throw RequestBody.invalid(where + " is empty; give at least the record identifier and event time features");
        }
        Record.Builder record = Record.builder();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = where + "[" + i + "].";
            if (!entry.isObject()) {
                throw RequestBody.invalid(where + "[" + i + "] must be an object {\"FeatureName\": …, \"ValueAsString\": …}");
            }
            String name = RequestBody.string(entry, "FeatureName", at);
            if (entry.has("ValueAsStringList")) {
                throw RequestBody.invalid(at + "ValueAsStringList is not supported here: the local store has no "
                        + "collection types; give ValueAsString");
            }
            record.put(name, RequestBody.string(entry, "ValueAsString", at));
        }
        return record.build();
    }

    /** OnlineStore / OfflineStore, as SageMaker spells them; empty means the group's stores. */
    public static Set<TargetStore> targetStores(java.util.List<String> names, String field) {
        Set<TargetStore> targets = EnumSet.noneOf(TargetStore.class);
        for (String name : names) {
            TargetStore target = null;
            for (TargetStore candidate : TargetStore.values()) {
                if (candidate.awsName().equals(name)) {
                    target = candidate;
                }
            }
            if (target == null) {
                throw RequestBody.invalid(field + " has '" + name + "'; use OnlineStore or OfflineStore");
            }
            targets.add(target);
        }
        return targets;
    }

    private static TtlDuration ttl(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw RequestBody.invalid("TtlDuration must be an object {\"Unit\": \"Days\", \"Value\": 7}");
        }
        TtlUnit unit = TtlUnit.parse(RequestBody.string(node, "Unit", "TtlDuration."), "TtlDuration.Unit");
        JsonNode value = node.get("Value");
        if (value == null || !value.canConvertToInt()) {
            throw RequestBody.invalid("TtlDuration.Value must be a whole number");
        }
        return new TtlDuration(unit, value.longValue());
    }
}
