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
 * SageMaker form). Immutable; the arrays are owned by the row.
 *
 * <p>The normalised text of a feature other than the event time is made from the source text on
 * each call of {@link #textValue}, not up front: batch ingest stores only the typed values, and
 * making every row's texts cost it about a tenth of its reading time.
 */
public final class MappedRow implements MappingOutcome {
    private final long line;
    private final String originalText;
    private final String recordId;
    private final Instant eventTime;
    private final List<FeatureDefinition> features;
    private final Object[] typed;
    /** Per feature the source text, normalised by {@link #textValue}; the event time's is normalised already. */
    private final String[] text;
    private final int eventTimeIndex;

    /**
     * @param text           per feature the source text (null when missing), except the event time's,
     *                       which is already its normalised text
     * @param eventTimeIndex the event time feature's index
     */
    MappedRow(long line, String originalText, String recordId, Instant eventTime, List<FeatureDefinition> features,
              Object[] typed, String[] text, int eventTimeIndex) {
        this.line = line;
        this.originalText = originalText;
        this.recordId = recordId;
        this.eventTime = eventTime;
        this.features = features;
        this.typed = typed;
        this.text = text;
        this.eventTimeIndex = eventTimeIndex;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public String originalText() {
        return originalText;
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
        return i == eventTimeIndex ? text[i] : ValueCoercion.canonical(text[i], typed[i]);
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
        return "line " + line + ": " + textValues();
    }
}
