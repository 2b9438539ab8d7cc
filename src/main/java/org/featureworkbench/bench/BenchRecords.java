package org.featureworkbench.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;

/** The benchmark's 20-feature group and its deterministic records. */
final class BenchRecords {
    static final String GROUP = "bench-customers";
    static final String ID = "customer_id";
    static final int PER_TYPE = 6;

    private BenchRecords() {
    }

    /** customer_id, event_time, then 6 Integral, 6 Fractional and 6 String features: 20 in all; both stores. */
    static FeatureGroupDefinition definition() {
        return definition(GROUP);
    }

    /** {@link #definition()} under another name. */
    static FeatureGroupDefinition definition(String name) {
        List<FeatureDefinition> features = new ArrayList<>();
        features.add(new FeatureDefinition(ID, FeatureType.STRING));
        features.add(new FeatureDefinition("event_time", FeatureType.STRING));
        for (int i = 0; i < PER_TYPE; i++) {
            features.add(new FeatureDefinition("count_" + i, FeatureType.INTEGRAL));
        }
        for (int i = 0; i < PER_TYPE; i++) {
            features.add(new FeatureDefinition("ratio_" + i, FeatureType.FRACTIONAL));
        }
        for (int i = 0; i < PER_TYPE; i++) {
            features.add(new FeatureDefinition("label_" + i, FeatureType.STRING));
        }
        return new FeatureGroupDefinition(name, ID, "event_time", features, "", Map.of(),
                OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED);
    }

    static String id(int n) {
        return "customer-" + n;
    }

    /**
     * One version of each of {@code count} records, event times spread over 4 hours from {@code start}
     * (so a flush writes 4 partitions), values as PutRecord receives them: strings.
     */
    static List<Record> generate(int count, Instant start, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Record> records = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            Record.Builder b = Record.builder().put(ID, id(n))
                    .put("event_time", start.plusSeconds(n * 14_400L / count).toString());
            for (int i = 0; i < PER_TYPE; i++) {
                b.put("count_" + i, Long.toString(random.nextLong(1_000_000)));
            }
            for (int i = 0; i < PER_TYPE; i++) {
                b.put("ratio_" + i, Double.toString(random.nextDouble() * 1000));
            }
            for (int i = 0; i < PER_TYPE; i++) {
                b.put("label_" + i, "category-" + random.nextInt(1000));
            }
            records.add(b.build());
        }
        return records;
    }

    /** The records as a CSV file with a header of feature names (no value holds a comma or quote). */
    static void writeCsv(List<Record> records, java.nio.file.Path file) throws java.io.IOException {
        List<String> names = definition().features().stream().map(FeatureDefinition::name).toList();
        try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(file)) {
            w.write(String.join(",", names));
            w.newLine();
            for (Record r : records) {
                w.write(String.join(",", names.stream().map(r::value).toList()));
                w.newLine();
            }
        }
    }
}
