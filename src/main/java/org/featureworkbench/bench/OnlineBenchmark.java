package org.featureworkbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.featureworkbench.core.RecordOperations;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FlushResult;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.model.TypedRecord;

/**
 * {@code bench online}: on a 20-feature group in a fresh workspace, in one run,
 * <ul>
 *   <li>durable PutRecord throughput through the facade with 1 and 4 threads (each call returns
 *       after its record journal entry was written and its H2 transaction committed), each
 *       against the raw engines doing the least a durable put needs ({@link RawPutBaseline}: a
 *       typed row committed per record on the same database, and the record's bytes appended to
 *       a file);</li>
 *   <li>flush throughput, journal → Parquet through {@code records().flush}, against a raw
 *       parquet-avro writer writing the same rows;</li>
 *   <li>GetRecord p50/p99 through the facade against a raw H2 PreparedStatement primary-key lookup
 *       on the same table, alternated in rounds so noise hits both alike.</li>
 * </ul>
 * The put and lookup phases alternate the two sides in rounds. The background flush tick is off ({@link BenchStack}) so each phase is measured alone.
 */
public final class OnlineBenchmark {
    private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant SECOND = Instant.parse("2024-01-02T00:00:00Z");
    private static final int ROUNDS = 4;
    private static final String WARM_UP_GROUP = "bench-warm-up";

    private final int recordCount;
    private final int lookupCount;
    private final PrintStream out;

    public OnlineBenchmark(int recordCount, int lookupCount, PrintStream out) {
        this.recordCount = recordCount;
        this.lookupCount = lookupCount;
        this.out = out;
    }

    /** Runs every phase and prints the table; returns the exit code (0). */
    public int run() throws IOException, SQLException, InterruptedException, java.util.concurrent.ExecutionException {
        Path dir = Files.createTempDirectory("fwb-bench-online");
        List<Record> first = BenchRecords.generate(recordCount, FIRST, 1);
        List<Record> second = BenchRecords.generate(recordCount, SECOND, 2);
        BenchReport report = new BenchReport(recordCount, lookupCount);
        try (BenchStack stack = new BenchStack(dir)) {
            FeatureGroup group = stack.store.createFeatureGroup(BenchRecords.definition());
            RecordOperations records = stack.store.records();
            RawParquetWriter raw = new RawParquetWriter(group);

            RawPutBaseline rawPuts = new RawPutBaseline(group, stack::connection, dir);
            warmUp(stack, raw, dir.resolve("raw-warm-up.parquet"));

            double[] put1 = putRounds(records, rawPuts, group, first, false, 1);
            report.put1 = put1[0];
            report.rawPut1 = put1[1];
            report.flushes.add(flushPair(records, group, raw, first, dir.resolve("raw-1.parquet")));
            double[] put4 = putRounds(records, rawPuts, group, second, true, 4);
            report.put4 = put4[0];
            report.rawPut4 = put4[1];
            report.flushes.add(flushPair(records, group, raw, second, dir.resolve("raw-2.parquet")));

            LookupLatency lookups = new LookupLatency(records, group, stack.connection());
            String[] ids = randomIds();
            String[] warm = java.util.Arrays.copyOf(ids, Math.min(ids.length, 50_000));
            lookups.viaFacade(warm);
            lookups.raw(warm);
            long[] facade = new long[0];
            long[] rawNanos = new long[0];
            for (int r = 0; r < ROUNDS; r++) {
                String[] slice = java.util.Arrays.copyOfRange(ids, r * ids.length / ROUNDS, (r + 1) * ids.length / ROUNDS);
                facade = Percentiles.concat(facade, lookups.viaFacade(slice));
                rawNanos = Percentiles.concat(rawNanos, lookups.raw(slice));
            }
            lookups.close();
            report.getFacade = new Percentiles(facade);
            report.getRaw = new Percentiles(rawNanos);
        } finally {
            deleteRecursively(dir);
        }
        report.print(out);
        return 0;
    }

    /**
     * Puts every record through the facade and writes it with the raw engine, alternating in
     * {@value #ROUNDS} slices so that outside load hits both sides alike; {store, raw} records/s.
     */
    private static double[] putRounds(RecordOperations records, RawPutBaseline rawPuts, FeatureGroup group,
                                      List<Record> batch, boolean update, int threads)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        double storeSeconds = 0;
        double rawSeconds = 0;
        for (int r = 0; r < ROUNDS; r++) {
            List<Record> slice = batch.subList(r * batch.size() / ROUNDS, (r + 1) * batch.size() / ROUNDS);
            storeSeconds += slice.size() / putAll(records, slice, threads);
            rawSeconds += slice.size() / rawPuts.run(typed(group, slice), update, threads);
        }
        return new double[] {batch.size() / storeSeconds, batch.size() / rawSeconds};
    }

    /** Puts every record through the facade on {@code threads} threads; returns records per second. */
    private static double putAll(RecordOperations records, List<Record> batch, int threads)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t;
                parts.add(pool.submit(() -> {
                    for (int i = from; i < batch.size(); i += threads) {
                        records.putRecord(BenchRecords.GROUP, batch.get(i), Set.of(), null);
                    }
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
            return batch.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Puts and flushes a few thousand records of a separate group, and writes them raw, unmeasured:
     * without it the first measured flush paid the Parquet writer's class loading and JIT while
     * the raw writer, running after it, did not.
     */
    private void warmUp(BenchStack stack, RawParquetWriter raw, Path rawFile) throws IOException {
        FeatureGroup warm = stack.store.createFeatureGroup(BenchRecords.definition(WARM_UP_GROUP));
        List<Record> records = BenchRecords.generate(Math.min(5_000, Math.max(100, recordCount / 10)), FIRST, 3);
        for (Record r : records) {
            stack.store.records().putRecord(WARM_UP_GROUP, r, Set.of(), null);
        }
        stack.store.records().flush(WARM_UP_GROUP);
        raw.write(typed(warm, records), Instant.now(), rawFile);
    }

    /** Flushes the journal (holding exactly {@code batch}) and writes the same rows raw; nanoseconds of each. */
    private static long[] flushPair(RecordOperations records, FeatureGroup group, RawParquetWriter raw,
                                    List<Record> batch, Path rawFile) throws IOException {
        long start = System.nanoTime();
        FlushResult flushed = records.flush(group.name());
        long store = System.nanoTime() - start;
        if (flushed.rows() != batch.size()) {
            throw new IllegalStateException("flushed " + flushed.rows() + " rows, expected " + batch.size());
        }
        return new long[] {store, raw.write(typed(group, batch), Instant.now(), rawFile)};
    }

    /** The records as the raw engines get them: already parsed, outside the timed part. */
    private static List<TypedRecord> typed(FeatureGroup group, List<Record> batch) {
        return batch.stream().map(r -> RecordValidator.validate(group, r)).toList();
    }

    private String[] randomIds() {
        Random random = new Random(42);
        String[] ids = new String[lookupCount];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = BenchRecords.id(random.nextInt(recordCount));
        }
        return ids;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Locale-stable number formatting for the table. */
    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
