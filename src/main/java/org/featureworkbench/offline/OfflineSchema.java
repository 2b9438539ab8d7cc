package org.featureworkbench.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ValidationException;

/**
 * The Parquet (Avro) schema of a group's offline files and the conversion of rows into it:
 * every feature nullable and typed (Integral → int64, Fractional → double, String → string), then
 * {@code api_invocation_time} and {@code write_time} as UTC timestamps in microseconds and
 * {@code is_deleted}. Immutable and thread-safe.
 */
final class OfflineSchema {
    static final String API_INVOCATION_TIME = "api_invocation_time";
    static final String WRITE_TIME = "write_time";
    static final String IS_DELETED = "is_deleted";

    private final Schema avro;
    private final Map<String, Integer> featureIndex = new HashMap<>();
    private final String[] names;
    private final FeatureType[] types;
    private final int apiInvocationTimePos;
    private final int writeTimePos;
    private final int isDeletedPos;

    private OfflineSchema(List<FeatureDefinition> features) {
        names = new String[features.size()];
        types = new FeatureType[features.size()];
        for (int i = 0; i < features.size(); i++) {
            featureIndex.put(features.get(i).name(), i);
            names[i] = features.get(i).name();
            types[i] = features.get(i).type();
        }
        apiInvocationTimePos = features.size();
        writeTimePos = features.size() + 1;
        isDeletedPos = features.size() + 2;
        // SageMaker feature names may contain '-' or start with a digit, which Avro's name rules
        // reject; Parquet does not care, so the schema is parsed with name validation off.
        avro = new Schema.Parser().setValidate(false).parse(json(features));
    }

    static OfflineSchema of(FeatureGroup group) {
        return new OfflineSchema(group.features());
    }

    Schema avro() {
        return avro;
    }

    /** Feature names in column order (a copy). */
    String[] featureNames() {
        return names.clone();
    }

    /** Feature types in column order (a copy). */
    FeatureType[] featureTypes() {
        return types.clone();
    }

    /** Position of a column in the Avro record, or -1. */
    int position(String column) {
        Schema.Field field = avro.getField(column);
        return field == null ? -1 : field.pos();
    }

    /** Converts one row, checking every value's type against its feature. */
    GenericData.Record toRecord(OfflineRow row, long writeTimeMicros) {
        GenericData.Record record = new GenericData.Record(avro);
        Map<String, Object> values = row.values();
        // Look features up by name rather than iterating entries: the unmodifiable map's entry
        // iterator allocates a wrapper per entry, which is measurable at a million rows.
        int present = 0;
        for (int pos = 0; pos < names.length; pos++) {
            Object value = values.get(names[pos]);
            if (value != null) {
                if (!matches(types[pos], value)) {
                    throw new ValidationException(names[pos], "value '" + value + "' is a "
                            + value.getClass().getSimpleName() + ", but the feature is " + types[pos].awsName());
                }
                record.put(pos, value);
                present++;
            }
        }
        if (present < values.size()) {
            // Some keys were null-valued or unknown; only the latter is an error.
            for (String name : values.keySet()) {
                if (!featureIndex.containsKey(name)) {
                    throw new ValidationException(name, "unknown feature; the group has no feature of this name");
                }
            }
        }
        record.put(apiInvocationTimePos, micros(row.apiInvocationTime()));
        record.put(writeTimePos, writeTimeMicros);
        record.put(isDeletedPos, row.isDeleted());
        return record;
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    private static boolean matches(FeatureType type, Object value) {
        return switch (type) {
            case INTEGRAL -> value instanceof Long;
            case FRACTIONAL -> value instanceof Double;
            case STRING -> value instanceof String;
        };
    }

    private static String json(List<FeatureDefinition> features) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode fields = f.arrayNode();
        for (FeatureDefinition feature : features) {
            ArrayNode union = f.arrayNode().add("null").add(switch (feature.type()) {
                case INTEGRAL -> "long";
                case FRACTIONAL -> "double";
                case STRING -> "string";
            });
            fields.add(f.objectNode().put("name", feature.name()).<ObjectNode>set("type", union).putNull("default"));
        }
        ObjectNode timestamp = f.objectNode().put("type", "long").put("logicalType", "timestamp-micros");
        fields.add(f.objectNode().put("name", API_INVOCATION_TIME).set("type", timestamp));
        fields.add(f.objectNode().put("name", WRITE_TIME).set("type", timestamp.deepCopy()));
        fields.add(f.objectNode().put("name", IS_DELETED).put("type", "boolean"));
        return f.objectNode().put("type", "record").put("name", "OfflineRecord")
                .put("namespace", "org.featureworkbench.offline").<ObjectNode>set("fields", fields).toString();
    }
}
