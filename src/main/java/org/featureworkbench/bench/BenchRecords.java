package org.featureworkbench.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
    private static final String[] COUNTS = names("count_");
    private static final String[] RATIOS = names("ratio_");
    private static final String[] LABELS = names("label_");

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
        List<Record> records = new ArrayList<>(count);
        stream(count, start, seed).forEachRemaining(records::add);
        return records;
    }

    /**
     * The records of {@link #generate} one at a time, the same ones for the same arguments: a caller
     * that needs them only in passing (to type them, to write a file) never holds all of them, which
     * at 100k records of 20 string values is about 200 MB (see docs/benchmarks.md, bench online).
     */
    static Iterator<Record> stream(int count, Instant start, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return n < count;
            }

            @Override
            public Record next() {
                if (n >= count) {
                    throw new NoSuchElementException();
                }
                Record.Builder b = Record.builder().put(ID, id(n))
                        .put("event_time", start.plusSeconds(n * 14_400L / count).toString());
                // The names are shared strings: built per record they were a third of a record's heap.
                for (String name : COUNTS) {
                    b.put(name, Long.toString(random.nextLong(1_000_000)));
                }
                for (String name : RATIOS) {
                    b.put(name, Double.toString(random.nextDouble() * 1000));
                }
                for (String name : LABELS) {
                    b.put(name, "category-" + random.nextInt(1000));
                }
                n++;
                return b.build();
            }
        };
    }

    private static String[] names(String prefix) {
        String[] names = new String[PER_TYPE];
        for (int i = 0; i < PER_TYPE; i++) {
            names[i] = (prefix + i).intern();
        }
        return names;
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
