package org.featureworkbench.bench;

import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;

/**
 * One joined feature group of {@code bench dataset}: an Integral record id shared with the base
 * file, an event time (ISO text in two groups — one with milliseconds — and Fractional epoch
 * seconds in the third), and a few numeric and text features. Every output of the benchmark
 * carries {@link #outputColumns()} of each group, in group order, after the base's columns.
 *
 * @param name     the feature group's name
 * @param time     its event time feature
 * @param features its other features (the record id excluded)
 * @param seed     the generator seed of its rows
 */
record DatasetBenchmarkGroup(String name, DatasetBenchmarkColumn time, List<DatasetBenchmarkColumn> features,
                             long seed) {
    static final String ID = "customer_id";

    DatasetBenchmarkGroup {
        features = List.copyOf(features);
    }

    /** The three groups every run joins (distinct feature names, so no output name collides). */
    static List<DatasetBenchmarkGroup> all() {
        return List.of(
                new DatasetBenchmarkGroup("bench_ds_profile", DatasetBenchmarkColumn.of("profile_time",
                        DatasetBenchmarkColumn.Kind.ISO_TIME), List.of(
                        DatasetBenchmarkColumn.of("age", DatasetBenchmarkColumn.Kind.INTEGER),
                        DatasetBenchmarkColumn.of("income", DatasetBenchmarkColumn.Kind.DOUBLE),
                        DatasetBenchmarkColumn.text("country", "FR", "DE", "US", "BR", "JP", "IN", "GB", "ES"),
                        DatasetBenchmarkColumn.text("segment", "new", "regular", "vip", "dormant")), 11),
                new DatasetBenchmarkGroup("bench_ds_orders", DatasetBenchmarkColumn.of("order_time",
                        DatasetBenchmarkColumn.Kind.EPOCH_TIME), List.of(
                        DatasetBenchmarkColumn.of("orders_30d", DatasetBenchmarkColumn.Kind.INTEGER),
                        DatasetBenchmarkColumn.of("spend_30d", DatasetBenchmarkColumn.Kind.DOUBLE),
                        DatasetBenchmarkColumn.of("avg_basket", DatasetBenchmarkColumn.Kind.DOUBLE),
                        DatasetBenchmarkColumn.text("top_category", "books", "garden", "toys", "food", "music",
                                "sports, outdoor")), 22),
                new DatasetBenchmarkGroup("bench_ds_web", DatasetBenchmarkColumn.of("web_time",
                        DatasetBenchmarkColumn.Kind.ISO_TIME), List.of(
                        DatasetBenchmarkColumn.of("sessions_7d", DatasetBenchmarkColumn.Kind.INTEGER),
                        DatasetBenchmarkColumn.of("minutes_7d", DatasetBenchmarkColumn.Kind.DOUBLE),
                        DatasetBenchmarkColumn.text("device", "ios", "android", "desktop"),
                        DatasetBenchmarkColumn.text("last_page", "home", "search", "cart", "checkout", "help")), 33));
    }

    /** Whether its ISO event times carry milliseconds (the third group), so both SageMaker forms occur. */
    boolean millisecondText() {
        return name.equals("bench_ds_web");
    }

    /** The group's columns as written to its CSV and stored: record id, event time, features. */
    List<DatasetBenchmarkColumn> columns() {
        List<DatasetBenchmarkColumn> all = new ArrayList<>();
        all.add(DatasetBenchmarkColumn.of(ID, DatasetBenchmarkColumn.Kind.INTEGER));
        all.add(time);
        all.addAll(features);
        return all;
    }

    /** What the group adds to a dataset row: every feature but the record id (the builder's default). */
    List<DatasetBenchmarkColumn> outputColumns() {
        return columns().subList(1, columns().size());
    }

    /** An offline-only group (the benchmark reads history; an online store would only slow the ingest). */
    FeatureGroupDefinition definition() {
        List<FeatureDefinition> defs = new ArrayList<>();
        for (DatasetBenchmarkColumn c : columns()) {
            defs.add(new FeatureDefinition(c.name(), c.kind().featureType()));
        }
        return new FeatureGroupDefinition(name, ID, time.name(), defs, "bench dataset", null,
                OnlineStoreConfig.DISABLED, OfflineStoreConfig.ENABLED);
    }
}
