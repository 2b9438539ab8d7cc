package org.featureworkbench.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.featureworkbench.model.FeatureValues;
import org.featureworkbench.model.Record;

/**
 * The latest readable values of one record in the online store (a GetRecord result).
 *
 * @param featureGroupName              the group
 * @param recordIdentifierValueAsString the record id as a string
 * @param eventTime                     the event time of the stored write
 * @param expiresAt                     when the record stops being readable, or null for never
 * @param values                        feature → typed value ({@link Long}, {@link Double},
 *                                      {@link String}) for every requested feature, in the
 *                                      projection's order (group order when all are asked);
 *                                      null where the record has no value; unmodifiable
 */
public record OnlineRecord(String featureGroupName, String recordIdentifierValueAsString, Instant eventTime,
                           Instant expiresAt, Map<String, Object> values) {

    public OnlineRecord {
        Objects.requireNonNull(eventTime, "eventTime");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The typed value of a feature, or null. */
    public Object value(String featureName) {
        return values.get(featureName);
    }

    /**
     * The SageMaker GetRecord shape: features that have a value, each as ValueAsString
     * (features without a value are left out, as GetRecord leaves them out).
     */
    public Record toRecord() {
        Record.Builder b = Record.builder();
        values.forEach((name, value) -> {
            if (value != null) {
                b.put(name, FeatureValues.format(value));
            }
        });
        return b.build();
    }
}
