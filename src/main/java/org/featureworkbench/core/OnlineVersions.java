package org.featureworkbench.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.TypedRecord;

/**
 * The in-file deduplication of a batch ingest: per record id, the newest version seen so far;
 * of two versions with equal event times the later one in the file wins (ADR 0005's "equal
 * overwrites", applied in file order). Draining hands the survivors out in batches for
 * {@link org.featureworkbench.online.OnlineStore#putAll}, which applies the same rule against
 * what is stored. Not thread-safe.
 */
final class OnlineVersions {
    private final String[] names;
    private final int recordIdIndex;
    private final HashMap<Object, Version> byId = new HashMap<>();

    /** A record's winning version so far; mutable so a newer version costs no new entry. */
    private static final class Version {
        Object[] values;
        long eventMs;

        Version(Object[] values, long eventMs) {
            this.values = values;
            this.eventMs = eventMs;
        }
    }

    OnlineVersions(String[] featureNames, int recordIdIndex) {
        this.names = featureNames;
        this.recordIdIndex = recordIdIndex;
    }

    /** Offers a row (typed values in feature order, not copied); it wins unless a newer version of its id was seen. */
    void offer(Object[] values, long eventMs) {
        Object id = values[recordIdIndex];
        Version current = byId.get(id);
        if (current == null) {
            byId.put(id, new Version(values, eventMs));
        } else if (eventMs >= current.eventMs) {
            current.values = values;
            current.eventMs = eventMs;
        }
    }

    /** Distinct record ids held. */
    int size() {
        return byId.size();
    }

    /**
     * Removes and returns up to {@code max} versions as typed records, so a caller can write them
     * a transaction at a time and stop between transactions.
     */
    List<TypedRecord> take(int max) {
        List<TypedRecord> batch = new ArrayList<>(Math.min(max, byId.size()));
        Iterator<Map.Entry<Object, Version>> it = byId.entrySet().iterator();
        while (batch.size() < max && it.hasNext()) {
            Map.Entry<Object, Version> e = it.next();
            batch.add(toRecord(e.getKey(), e.getValue()));
            it.remove();
        }
        return batch;
    }

    private TypedRecord toRecord(Object id, Version v) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (v.values[i] != null && i != recordIdIndex) {
                values.put(names[i], v.values[i]);
            }
        }
        return new TypedRecord(id, Instant.ofEpochMilli(v.eventMs), values);
    }
}
