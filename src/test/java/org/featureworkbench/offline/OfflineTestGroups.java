package org.featureworkbench.offline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureGroupStatus;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;

/** Feature groups and rows the offline tests share. */
final class OfflineTestGroups {
    static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant API_TIME = Instant.parse("2024-03-01T10:00:00.123456Z");

    private OfflineTestGroups() {
    }

    /** customers: customer_id (String id), age, score, city, order-count and an event time of the given type. */
    static FeatureGroup customers(FeatureType eventTimeType) {
        return group("customers", CREATED, eventTimeType, List.of());
    }

    static FeatureGroup group(String name, Instant created, FeatureType eventTimeType, List<FeatureDefinition> extra) {
        List<FeatureDefinition> features = new ArrayList<>(List.of(
                new FeatureDefinition("customer_id", FeatureType.STRING),
                new FeatureDefinition("age", FeatureType.INTEGRAL),
                new FeatureDefinition("score", FeatureType.FRACTIONAL),
                new FeatureDefinition("city", FeatureType.STRING),
                // A hyphen is legal in SageMaker feature names but not in Avro names.
                new FeatureDefinition("order-count", FeatureType.INTEGRAL),
                new FeatureDefinition("EventTime", eventTimeType)));
        features.addAll(extra);
        FeatureGroupDefinition definition = new FeatureGroupDefinition(name, "customer_id", "EventTime", features,
                "", Map.of(), OnlineStoreConfig.DISABLED, OfflineStoreConfig.ENABLED);
        return new FeatureGroup(definition, created, created, FeatureGroupStatus.CREATED);
    }

    /** The same group after a FeatureAdditions call. */
    static FeatureGroup withFeature(FeatureGroup group, FeatureDefinition added) {
        List<FeatureDefinition> features = new ArrayList<>(group.features());
        features.add(added);
        return new FeatureGroup(group.definition().withFeatures(features), group.creationTime(),
                group.lastModifiedTime(), group.status());
    }

    /** A full row for a String event time group. */
    static OfflineRow row(FeatureGroup group, String id, long age, double score, String city, String eventTime) {
        Map<String, Object> values = new HashMap<>();
        values.put("customer_id", id);
        values.put("age", age);
        values.put("score", score);
        values.put("city", city);
        values.put("order-count", age * 2);
        values.put("EventTime", eventTime);
        return OfflineRow.of(group.definition(), values, API_TIME);
    }

    /** {@code count} rows with ids {@code prefix0…}, event times spread over {@code hours} hours. */
    static List<OfflineRow> rows(FeatureGroup group, String prefix, int count, int hours) {
        List<OfflineRow> rows = new ArrayList<>();
        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            Instant t = start.plusSeconds((long) (i % hours) * 3600 + i % 3600);
            rows.add(row(group, prefix + i, i, i / 10.0, "city" + (i % 7), t.toString()));
        }
        return rows;
    }
}
