package org.featureworkbench.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record checked against its group by {@link RecordValidator}: every value typed
 * ({@link Long} for Integral, {@link Double} for Fractional, {@link String} for String).
 *
 * @param recordIdentifier the record id, a {@link Long} or a non-empty {@link String}
 * @param eventTime        the parsed event time (millisecond precision)
 * @param values           feature name → typed value for the features given with a value, in
 *                         request order, unmodifiable; features not in the map are absent (null)
 */
public record TypedRecord(Object recordIdentifier, Instant eventTime, Map<String, Object> values) {

    public TypedRecord {
        Objects.requireNonNull(recordIdentifier, "recordIdentifier");
        Objects.requireNonNull(eventTime, "eventTime");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The typed value of a feature, or null when the record has none. */
    public Object value(String featureName) {
        return values.get(featureName);
    }

    /** The record id as SageMaker's RecordIdentifierValueAsString. */
    public String recordIdentifierAsString() {
        return recordIdentifier.toString();
    }

    /**
     * SageMaker's {@code ExpiresAt = EventTime + TtlDuration}; a record TTL overrides the group's.
     *
     * @param group     the record's group (its online store TTL is the default)
     * @param recordTtl the PutRecord TtlDuration, or null to use the group's
     * @return the expiry, or null when neither the record nor the group has a TTL
     */
    public Instant expiresAt(FeatureGroupDefinition group, TtlDuration recordTtl) {
        TtlDuration ttl = recordTtl != null ? recordTtl : group.onlineStore().ttl();
        return ttl == null ? null : eventTime.plus(ttl.toDuration());
    }
}
