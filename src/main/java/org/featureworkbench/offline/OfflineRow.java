package org.featureworkbench.offline;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ValidationException;

/**
 * One version of a record on its way to the offline store.
 *
 * @param values            typed feature values by feature name: {@link Long} for Integral,
 *                          {@link Double} for Fractional, {@link String} for String, or {@code null};
 *                          a feature absent from the map is written as null (unmodifiable copy)
 * @param eventTime         the parsed value of the group's event time feature; it chooses the hour
 *                          partition and must agree with the event time value in {@code values}
 *                          (the factories guarantee that)
 * @param apiInvocationTime when the write was requested
 * @param writeTime         when the row reached the offline store; {@code null} until the store writes
 *                          it (the store sets it, whatever the caller passed)
 * @param isDeleted         whether this row is a delete marker
 */
public record OfflineRow(Map<String, Object> values, Instant eventTime, Instant apiInvocationTime,
                         Instant writeTime, boolean isDeleted) {

    public OfflineRow {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(apiInvocationTime, "apiInvocationTime");
        // HashMap, not Map.copyOf: feature values may be null.
        values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    /**
     * A record version whose event time is taken from the group's event time feature value.
     *
     * @throws ValidationException when the event time value is missing or not in a SageMaker form
     */
    public static OfflineRow of(FeatureGroupDefinition group, Map<String, Object> values, Instant apiInvocationTime) {
        String eventTimeName = group.eventTimeFeatureName();
        Instant eventTime = parseEventTime(values.get(eventTimeName), group.eventTimeFeature().type(), eventTimeName);
        return new OfflineRow(values, eventTime, apiInvocationTime, null, false);
    }

    /**
     * A delete marker as SageMaker writes it: the record id and the delete's event time (in the
     * event time feature's own type), every other feature null, {@code is_deleted = true}.
     *
     * @param recordId a {@link Long} or {@link String}, matching the record identifier's type
     */
    public static OfflineRow deleteMarker(FeatureGroupDefinition group, Object recordId, Instant eventTime,
                                          Instant apiInvocationTime) {
        Objects.requireNonNull(recordId, "recordId");
        Map<String, Object> values = new HashMap<>();
        values.put(group.recordIdentifierFeatureName(), recordId);
        FeatureType eventTimeType = group.eventTimeFeature().type();
        values.put(group.eventTimeFeatureName(), eventTimeType == FeatureType.FRACTIONAL
                ? (Object) (eventTime.toEpochMilli() / 1000.0)
                : EventTimes.format(eventTime, FeatureType.STRING));
        return new OfflineRow(values, eventTime, apiInvocationTime, null, true);
    }

    /** The value of one feature, or {@code null}. */
    public Object value(String featureName) {
        return values.get(featureName);
    }

    private static Instant parseEventTime(Object value, FeatureType type, String field) {
        if (value instanceof Double seconds) {
            if (seconds.isNaN() || seconds.isInfinite()) {
                throw new ValidationException(field, "event time " + seconds + " is not a number of seconds");
            }
            // Event times carry millisecond precision; rounding undoes the binary fraction's error.
            return Instant.ofEpochMilli(Math.round(seconds * 1000.0));
        }
        if (value instanceof String text) {
            return EventTimes.parse(text, type, field);
        }
        throw new ValidationException(field, "event time is " + (value == null ? "missing"
                : "a " + value.getClass().getSimpleName() + ", not a " + type.awsName()));
    }
}
