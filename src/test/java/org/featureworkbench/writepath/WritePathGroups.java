package org.featureworkbench.writepath;

import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;

/** Groups and records the write-path integration tests share. */
final class WritePathGroups {
    static final String CUSTOMERS = "customers";

    private WritePathGroups() {
    }

    /** customer_id (String id), event_time (String), age (Integral), score (Fractional), city (String); no TTL. */
    static FeatureGroupDefinition customers(OnlineStoreConfig online, OfflineStoreConfig offline) {
        return new FeatureGroupDefinition(CUSTOMERS, "customer_id", "event_time",
                List.of(new FeatureDefinition("customer_id", FeatureType.STRING),
                        new FeatureDefinition("event_time", FeatureType.STRING),
                        new FeatureDefinition("age", FeatureType.INTEGRAL),
                        new FeatureDefinition("score", FeatureType.FRACTIONAL),
                        new FeatureDefinition("city", FeatureType.STRING)),
                "", Map.of(), online, offline);
    }

    static FeatureGroupDefinition customers() {
        return customers(OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED);
    }

    /** order_id (Integral id), placed_at (Fractional event time, epoch seconds), amount (Fractional). */
    static FeatureGroupDefinition orders() {
        return new FeatureGroupDefinition("orders", "order_id", "placed_at",
                List.of(new FeatureDefinition("order_id", FeatureType.INTEGRAL),
                        new FeatureDefinition("placed_at", FeatureType.FRACTIONAL),
                        new FeatureDefinition("amount", FeatureType.FRACTIONAL)),
                "", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED);
    }

    static Record customer(String id, String eventTime, long age, double score, String city) {
        return Record.builder().put("customer_id", id).put("event_time", eventTime).put("age", Long.toString(age))
                .put("score", Double.toString(score)).put("city", city).build();
    }
}
