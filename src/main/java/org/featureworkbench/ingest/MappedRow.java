package org.featureworkbench.ingest;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;

/**
 * A source row mapped onto a feature group: one value per feature, in the group's feature order,
 * both typed (Integral → {@link Long}, Fractional → {@link Double}, String → {@link String},
 * missing → null) and as normalised text (what a PutRecord {@code ValueAsString} would carry:
 * {@code 1.0} for an Integral becomes {@code 1}; the event time is in its feature type's canonical
 * SageMaker form). Immutable (but for {@link #takeTypedValues}); the arrays are owned by the row.
 *
 * <p>The normalised text of a feature other than the event time is made from the source text on
 * each call of {@link #textValue}, not up front: batch ingest stores only the typed values, and
 * making every row's texts cost it about a tenth of its reading time.
 */
public final class MappedRow implements MappingOutcome {
    private final SourceRow source;
    /** Per feature the source column feeding it, or -1. */
    private final int[] columnOf;
    private final String recordId;
    private final Instant eventTime;
    private final List<FeatureDefinition> features;
    private Object[] typed;
    private final String eventTimeText;
    private final int eventTimeIndex;

    /**
     * @param columnOf       per feature the column of {@code source} feeding it, or -1 (shared, never changed)
     * @param eventTimeText  the event time's normalised text
     * @param eventTimeIndex the event time feature's index
     */
    MappedRow(SourceRow source, int[] columnOf, String recordId, Instant eventTime, List<FeatureDefinition> features,
              Object[] typed, String eventTimeText, int eventTimeIndex) {
        this.source = source;
        this.columnOf = columnOf;
        this.recordId = recordId;
        this.eventTime = eventTime;
        this.features = features;
        this.typed = typed;
        this.eventTimeText = eventTimeText;
        this.eventTimeIndex = eventTimeIndex;
    }

    @Override
    public long line() {
        return source.line();
    }

    @Override
    public String originalText() {
        return source.originalText();
    }

    /** The record identifier as normalised text (never blank). */
    public String recordId() {
        return recordId;
    }

    /** The event time (millisecond precision). */
    public Instant eventTime() {
        return eventTime;
    }

    /** The group's features, in order; index {@code i} here is index {@code i} of the values. */
    public List<FeatureDefinition> features() {
        return features;
    }

    /** The typed value of feature {@code i} (Long, Double, String or null). */
    public Object typedValue(int i) {
        return typed[i];
    }

    /** The normalised text of feature {@code i}, or null when missing. */
    public String textValue(int i) {
        if (i == eventTimeIndex) {
            return eventTimeText;
        }
        return ValueCoercion.canonical(columnOf[i] < 0 ? null : source.value(columnOf[i]), typed[i]);
    }

    /**
     * Hands the typed values over to the caller, who may keep them (a batch ingest stores them as
     * they are, without copying a million arrays). The row must not be used after this.
     */
    public Object[] takeTypedValues() {
        Object[] values = typed;
        typed = null;
        return values;
    }

    /** Feature name to typed value, in feature order (built on each call). */
    public Map<String, Object> typedValues() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < features.size(); i++) {
            map.put(features.get(i).name(), typed[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** Feature name to normalised text, in feature order (built on each call). */
    public Map<String, String> textValues() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < features.size(); i++) {
            map.put(features.get(i).name(), textValue(i));
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return "line " + line() + ": " + textValues();
    }
}
