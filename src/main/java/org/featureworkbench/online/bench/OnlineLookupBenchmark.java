package org.featureworkbench.online.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.model.TypedRecord;
import org.featureworkbench.online.H2OnlineStore;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * GetRecord latency of {@link H2OnlineStore#get} against a raw H2 primary-key lookup on the same
 * table in the same run, and single-thread put throughput. A command, not a test:
 * {@code java -cp … org.featureworkbench.online.bench.OnlineLookupBenchmark [records] [lookups]}.
 */
public final class OnlineLookupBenchmark {
    private static final int FEATURES = 20;

    private OnlineLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Path dir = Files.createTempDirectory("fwb-online-bench");
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("online/workbench")
                + ";AUTO_SERVER=TRUE", "fwb", "");
        pool.setMaxConnections(32);
        try (H2OnlineStore store = new H2OnlineStore(pool)) {
            FeatureGroup group = group();
            store.createTable(group);
            List<TypedRecord> rows = rows(group, records);

            long start = System.nanoTime();
            for (TypedRecord r : rows) {
                store.put(group, r, null);
            }
            double putSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("put, 1 thread, own transaction each: %,d records in %.2f s = %,.0f records/s%n",
                    records, putSeconds, records / putSeconds);

            Random random = new Random(42);
            String[] ids = new String[lookups];
            for (int i = 0; i < lookups; i++) {
                ids[i] = "customer-" + random.nextInt(records);
            }
            // Warm up both paths (JIT, caches) before measuring; then alternate rounds to share the noise.
            measureStore(store, group, Arrays.copyOf(ids, Math.min(lookups, 50_000)));
            measureRaw(pool, group, Arrays.copyOf(ids, Math.min(lookups, 50_000)));
            // Alternate the two in rounds so background work (H2's store writer, GC) hits both alike.
            int rounds = 4;
            long[] viaStore = new long[0];
            long[] raw = new long[0];
            for (int r = 0; r < rounds; r++) {
                String[] slice = Arrays.copyOfRange(ids, r * lookups / rounds, (r + 1) * lookups / rounds);
                viaStore = concat(viaStore, measureStore(store, group, slice));
                raw = concat(raw, measureRaw(pool, group, slice));
            }
            report("H2OnlineStore.get (GetRecord)", viaStore);
            report("raw H2 PreparedStatement PK lookup", raw);
            System.out.printf("ratio p50 %.2fx, p99 %.2fx%n", percentile(viaStore, 50) / percentile(raw, 50),
                    percentile(viaStore, 99) / percentile(raw, 99));
        } finally {
            pool.dispose();
        }
    }

    private static long[] measureStore(H2OnlineStore store, FeatureGroup group, String[] ids) {
        long[] nanos = new long[ids.length];
        long found = 0;
        for (int i = 0; i < ids.length; i++) {
            long t = System.nanoTime();
            found += store.get(group, ids[i], null).isPresent() ? 1 : 0;
            nanos[i] = System.nanoTime() - t;
        }
        check(found, ids.length);
        return nanos;
    }

    /** The floor: one cached statement on one connection, every column read, no objects built. */
    private static long[] measureRaw(JdbcConnectionPool pool, FeatureGroup group, String[] ids) throws Exception {
        long[] nanos = new long[ids.length];
        long found = 0;
        String table = "\"FWB_ONLINE_" + group.name() + "_" + group.creationTime().getEpochSecond() + "\"";
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE \"customer_id\" = ?")) {
            int columns = FEATURES + 4;
            for (int i = 0; i < ids.length; i++) {
                long t = System.nanoTime();
                ps.setString(1, ids[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        for (int col = 1; col <= columns; col++) {
                            rs.getObject(col);
                        }
                        found++;
                    }
                }
                nanos[i] = System.nanoTime() - t;
            }
        }
        check(found, ids.length);
        return nanos;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void check(long found, int expected) {
        if (found != expected) {
            throw new IllegalStateException("found " + found + " of " + expected + " records");
        }
    }

    private static void report(String what, long[] nanos) {
        System.out.printf("%-36s p50 %6.1f µs  p99 %6.1f µs  p99.9 %6.1f µs  (%,d lookups)%n", what,
                percentile(nanos, 50), percentile(nanos, 99), percentile(nanos, 99.9), nanos.length);
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1000.0;
    }

    /** customer_id, event_time, then 6 Integral, 6 Fractional and 6 String features: 20 in all. */
    private static FeatureGroup group() {
        List<FeatureDefinition> features = new ArrayList<>();
        features.add(new FeatureDefinition("customer_id", FeatureType.STRING));
        features.add(new FeatureDefinition("event_time", FeatureType.STRING));
        for (int i = 0; i < 6; i++) {
            features.add(new FeatureDefinition("count-" + i, FeatureType.INTEGRAL));
            features.add(new FeatureDefinition("ratio-" + i, FeatureType.FRACTIONAL));
            features.add(new FeatureDefinition("label-" + i, FeatureType.STRING));
        }
        return new FeatureGroup(new FeatureGroupDefinition("bench-customers", "customer_id", "event_time", features,
                "", Map.of(), OnlineStoreConfig.ENABLED, null), Instant.ofEpochSecond(1_700_000_000L), null, null);
    }

    private static List<TypedRecord> rows(FeatureGroup group, int count) {
        Random random = new Random(7);
        List<TypedRecord> rows = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("customer_id", "customer-" + n);
            v.put("event_time", "2024-01-01T00:00:00Z");
            for (int i = 0; i < 6; i++) {
                v.put("count-" + i, Long.toString(random.nextInt(1000)));
                v.put("ratio-" + i, Double.toString(random.nextDouble()));
                v.put("label-" + i, "label-" + random.nextInt(50));
            }
            rows.add(RecordValidator.validate(group, new Record(v)));
        }
        return rows;
    }
}
