package org.featureworkbench.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a PutRecord {@link Record} against its group and types it: every feature must exist,
 * the record id and the event time must be present, and every value must parse as its type
 * (ADR 0004). Stateless and thread-safe.
 */
public final class RecordValidator {
    /** SageMaker's limit on a record identifier: 2 KB of UTF-8. */
    public static final int MAX_RECORD_ID_BYTES = 2 * 1024;
    /** SageMaker's limit on a whole record: 350 KB (counted here as UTF-8 names plus values). */
    public static final int MAX_RECORD_BYTES = 350 * 1024;

    /**
     * The name → feature map of the last group validated. PutRecord resolves every value's feature;
     * a linear search per value was a fifth of a put's time. One entry, checked by identity,
     * because the facade's group cache hands out the same definition object for a group.
     */
    private static volatile FeatureIndex lastIndex;

    private record FeatureIndex(FeatureGroupDefinition def, Map<String, FeatureDefinition> byName) {
        static FeatureIndex of(FeatureGroupDefinition def) {
            FeatureIndex cached = lastIndex;
            if (cached != null && cached.def == def) {
                return cached;
            }
            Map<String, FeatureDefinition> byName = new HashMap<>();
            def.features().forEach(f -> byName.put(f.name(), f));
            FeatureIndex fresh = new FeatureIndex(def, byName);
            lastIndex = fresh;
            return fresh;
        }
    }

    private RecordValidator() {
    }

    /**
     * @throws ValidationException for the first problem found, its field the feature's name
     */
    public static TypedRecord validate(FeatureGroup group, Record record) {
        FeatureGroupDefinition def = group.definition();
        Map<String, FeatureDefinition> features = FeatureIndex.of(def).byName();
        String eventTimeName = def.eventTimeFeatureName();
        Map<String, Object> typed = new LinkedHashMap<>();
        Instant eventTime = null;
        long recordBytes = 0;
        for (Map.Entry<String, String> e : record.values().entrySet()) {
            FeatureDefinition feature = features.get(e.getKey());
            if (feature == null) {
                throw unknownFeature(def, e.getKey());
            }
            if (e.getValue() != null) {
                if (feature.name().equals(eventTimeName)) {
                    eventTime = EventTimes.parse(e.getValue(), feature.type(), feature.name());
                    typed.put(feature.name(), eventTimeValue(feature, eventTime, e.getValue()));
                } else {
                    typed.put(feature.name(), FeatureValueParser.parse(feature.name(), feature.type(), e.getValue()));
                }
                recordBytes += FeatureValueParser.utf8Length(feature.name())
                        + FeatureValueParser.utf8Length(e.getValue());
            }
        }
        if (recordBytes > MAX_RECORD_BYTES) {
            throw new ValidationException("Record", "the record is " + recordBytes
                    + " bytes of UTF-8 names and values; a record may be at most 350 KB (" + MAX_RECORD_BYTES + " bytes)");
        }
        Object id = recordIdentifier(def, typed);
        if (eventTime == null) {
            throw missingEventTime(def.eventTimeFeature());
        }
        return new TypedRecord(id, eventTime, typed);
    }

    /**
     * Parses a RecordIdentifierValueAsString for a lookup or delete in {@code group}.
     *
     * @return a {@link Long} or {@link String}
     * @throws ValidationException when the id is empty, too long, or not an Integral for an Integral id
     */
    public static Object parseRecordIdentifier(FeatureGroupDefinition def, String value) {
        FeatureDefinition idFeature = def.recordIdentifierFeature();
        if (value == null) {
            throw new ValidationException(idFeature.name(), "the record identifier is missing");
        }
        Object id = FeatureValueParser.parse(idFeature.name(), idFeature.type(), value);
        checkRecordIdentifier(idFeature.name(), id);
        return id;
    }

    private static Object recordIdentifier(FeatureGroupDefinition def, Map<String, Object> typed) {
        String name = def.recordIdentifierFeatureName();
        Object id = typed.get(name);
        if (id == null) {
            throw new ValidationException(name, "the record has no value for its record identifier feature '"
                    + name + "'; every record needs one");
        }
        checkRecordIdentifier(name, id);
        // Only a new record is refused, as ingest refuses it: an id of only spaces can't be told
        // apart when printed or typed. Lookups, deletes and journal replays still take such an id,
        // so a record stored before this rule can be read and deleted.
        if (id instanceof String text && text.isBlank()) {
            throw new ValidationException(name, "the record identifier " + FeatureValueParser.quote(text)
                    + " holds only spaces; give an id with at least one visible character");
        }
        return id;
    }

    private static void checkRecordIdentifier(String name, Object id) {
        if (id instanceof String s) {
            if (s.isEmpty()) {
                throw new ValidationException(name, "the record identifier is an empty string; give a non-empty id");
            }
            int bytes = FeatureValueParser.utf8Length(s);
            if (bytes > MAX_RECORD_ID_BYTES) {
                throw new ValidationException(name, "record identifier " + FeatureValueParser.quote(s) + " is " + bytes
                        + " bytes of UTF-8; a record identifier may be at most 2 KB (" + MAX_RECORD_ID_BYTES + " bytes)");
            }
        }
    }

    private static ValidationException missingEventTime(FeatureDefinition feature) {
        return new ValidationException(feature.name(), "the record has no value for its event time feature '"
                + feature.name() + "'; every record needs one");
    }

    /** The event time's typed value, once {@link EventTimes} accepted it (so its message names the accepted forms). */
    private static Object eventTimeValue(FeatureDefinition feature, Instant instant, String value) {
        return feature.type() == FeatureType.FRACTIONAL ? instant.toEpochMilli() / 1000.0 : value.trim();
    }

    private static ValidationException unknownFeature(FeatureGroupDefinition def, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (FeatureDefinition f : def.features()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return new ValidationException(name, "feature group '" + def.name() + "' has no feature '" + name
                        + "'; feature names are case-sensitive, did you mean '" + f.name() + "'?");
            }
        }
        String known = def.features().stream().limit(20).map(FeatureDefinition::name).collect(Collectors.joining(", "));
        String more = def.features().size() > 20 ? " and " + (def.features().size() - 20) + " more" : "";
        return new ValidationException(name, "feature group '" + def.name() + "' has no feature '" + name
                + "'; its features are " + known + more);
    }
}
