package org.featureworkbench.ui.records;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.FeatureValues;
import org.featureworkbench.model.OnlineRecord;

/**
 * One found record as the results table shows it: every value already formatted as text.
 *
 * @param id        the record identifier as a string
 * @param values    feature name → displayed value ({@link #NO_VALUE} where the record has none)
 * @param eventTime the event time in the group's own format (Fractional ones also as a UTC date)
 * @param expiresAt when the record stops being readable, or "never"
 */
public record RecordRow(String id, Map<String, String> values, String eventTime, String expiresAt) {
    /** Shown for a feature the record has no value for. */
    public static final String NO_VALUE = "—";
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public RecordRow {
        values = Map.copyOf(values);
    }

    /** Formats a GetRecord result of {@code group}. */
    static RecordRow of(FeatureGroup group, OnlineRecord record) {
        Map<String, String> values = new LinkedHashMap<>();
        record.values().forEach((name, value) -> values.put(name, value == null ? NO_VALUE : FeatureValues.format(value)));
        return new RecordRow(record.recordIdentifierValueAsString(), values,
                eventTime(record.eventTime(), group.definition().eventTimeFeature().type()),
                record.expiresAt() == null ? "never" : readable(record.expiresAt()));
    }

    /** The value of one column. */
    public String cell(ResultColumn column) {
        return switch (column.kind()) {
            case EVENT_TIME -> eventTime;
            case EXPIRES_AT -> expiresAt;
            case RECORD_ID, FEATURE -> values.getOrDefault(column.featureName(), NO_VALUE);
        };
    }

    static String eventTime(Instant time, FeatureType type) {
        String stored = EventTimes.format(time, type);
        return type == FeatureType.FRACTIONAL ? stored + "  (" + readable(time) + ")" : stored;
    }

    static String readable(Instant time) {
        return READABLE.format(time);
    }
}
