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
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.core.RecordOperations;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FlushResult;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.model.TargetStore;
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
 *       on the same table, alternated in blocks of {@value #LOOKUP_BLOCK} ids so noise and page
 *       cache misses hit both alike.</li>
 * </ul>
 * The put phases alternate the two sides in rounds, the lookups in blocks. The background flush tick is off ({@link BenchStack}) so each phase is measured alone.
 */
public final class OnlineBenchmark {
    private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant SECOND = Instant.parse("2024-01-02T00:00:00Z");
    private static final int ROUNDS = 4;
    private static final int LOOKUP_BLOCK = 1_000;
    private static final String WARM_UP_GROUP = "bench-warm-up";

    private final int recordCount;
    private final int lookupCount;
    private final PrintStream out;
    private final boolean lookupsOnly;

    public OnlineBenchmark(int recordCount, int lookupCount, PrintStream out) {
        this(recordCount, lookupCount, false, out);
    }

    /**
     * @param lookupsOnly only the GetRecord phase, on a table filled by two online ingests (the
     *                    same records and versions as the put phases, written in batches): a fast
     *                    loop for read-path work; the full run stays the reference
     */
    public OnlineBenchmark(int recordCount, int lookupCount, boolean lookupsOnly, PrintStream out) {
        this.recordCount = recordCount;
        this.lookupCount = lookupCount;
        this.lookupsOnly = lookupsOnly;
        this.out = out;
    }

    /** Runs every phase and prints the table; returns the exit code (0). */
    public int run() throws IOException, SQLException, InterruptedException, java.util.concurrent.ExecutionException {
        if (lookupsOnly) {
            return runLookupsOnly();
        }
        Path dir = Files.createTempDirectory("fwb-bench-online");
        BenchReport report = new BenchReport(recordCount, lookupCount);
        try (BenchStack stack = new BenchStack(dir)) {
            FeatureGroup group = stack.store.createFeatureGroup(BenchRecords.definition());
            RecordOperations records = stack.store.records();
            RawParquetWriter raw = new RawParquetWriter(group);

            RawPutBaseline rawPuts = new RawPutBaseline(group, stack::connection, dir);
            warmUp(stack, raw, dir.resolve("raw-warm-up.parquet"));

            double[] put1 = putRounds(records, rawPuts, group, BenchRecords.stream(recordCount, FIRST, 1), false, 1);
            report.put1 = put1[0];
            report.rawPut1 = put1[1];
            report.flushes.add(flushPair(records, group, raw, FIRST, 1, dir.resolve("raw-1.parquet")));
            double[] put4 = putRounds(records, rawPuts, group, BenchRecords.stream(recordCount, SECOND, 2), true, 4);
            report.put4 = put4[0];
            report.rawPut4 = put4[1];
            report.flushes.add(flushPair(records, group, raw, SECOND, 2, dir.resolve("raw-2.parquet")));

            lookupPhase(stack, records, group, report);
        } finally {
            deleteRecursively(dir);
        }
        report.print(out);
        return 0;
    }

    /** {@code --lookups-only}: the GetRecord phase alone, on the same table contents as the full run. */
    private int runLookupsOnly() throws IOException, SQLException {
        Path dir = Files.createTempDirectory("fwb-bench-lookups");
        BenchReport report = new BenchReport(recordCount, lookupCount);
        try (BenchStack stack = new BenchStack(dir)) {
            FeatureGroup group = stack.store.createFeatureGroup(BenchRecords.definition());
            for (int version = 1; version <= 2; version++) {
                Path csv = dir.resolve("version-" + version + ".csv");
                BenchRecords.writeCsv(BenchRecords.generate(recordCount, version == 1 ? FIRST : SECOND, version), csv);
                stack.store.ingest().ingest(IngestRequest.of(group.name(), csv)
                        .withTargets(Set.of(TargetStore.ONLINE_STORE)), p -> { });
            }
            lookupPhase(stack, stack.store.records(), group, report);
        } finally {
            deleteRecursively(dir);
        }
        report.printLookups(out);
        return 0;
    }

    /**
     * GetRecord through the facade against the raw lookup on the same table: the same random ids
     * in the same order for both, after the same warm-up. The ids go in blocks of
     * {@value #LOOKUP_BLOCK}, each looked up by one side and then by the other, the side going
     * first alternating from block to block: the table is larger than H2's page cache, so
     * whichever side reads an id first pays the page reads and the other finds the pages cached
     * (see docs/benchmarks.md). Small alternating blocks share those reads, and any outside
     * load, evenly between the sides.
     */
    private void lookupPhase(BenchStack stack, RecordOperations records, FeatureGroup group, BenchReport report)
            throws SQLException {
        LookupLatency lookups = new LookupLatency(records, group, stack.connection());
        String[] ids = randomIds();
        alternated(stack, lookups, java.util.Arrays.copyOf(ids, Math.min(ids.length, 50_000)), new BenchReport(0, 0));
        alternated(stack, lookups, ids, report);
        lookups.close();
    }

    /** Looks {@code ids} up through both sides in alternating blocks; latencies and page reads go to {@code report}. */
    private static void alternated(BenchStack stack, LookupLatency lookups, String[] ids, BenchReport report)
            throws SQLException {
        long[] facade = new long[ids.length];
        long[] raw = new long[ids.length];
        // Read once around the whole phase: the query is far too slow to run per block.
        long reads = fileReads(stack);
        for (int from = 0, block = 0; from < ids.length; from += LOOKUP_BLOCK, block++) {
            String[] slice = java.util.Arrays.copyOfRange(ids, from, Math.min(ids.length, from + LOOKUP_BLOCK));
            for (int turn = 0; turn < 2; turn++) {
                if ((block + turn) % 2 == 0) {
                    System.arraycopy(lookups.viaFacade(slice), 0, facade, from, slice.length);
                } else {
                    System.arraycopy(lookups.raw(slice), 0, raw, from, slice.length);
                }
            }
        }
        report.getFileReads = fileReads(stack) - reads;
        report.getFacade = new Percentiles(facade);
        report.getRaw = new Percentiles(raw);
    }

    /** Pages H2 has read from the database file so far (reads that missed its page cache). */
    private static long fileReads(BenchStack stack) throws SQLException {
        try (java.sql.Connection c = stack.connection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.FILE_READ'")) {
            return rs.next() ? Long.parseLong(rs.getString(1)) : -1;
        }
    }

    /**
     * Puts every record through the facade and writes it with the raw engine, alternating in
     * {@value #ROUNDS} slices so that outside load hits both sides alike; {store, raw} records/s.
     * Each slice is generated (and typed for the raw side) before its round's clocks start, and
     * only one slice is held at a time, so the benchmark's own data stays small next to the heap.
     */
    private double[] putRounds(RecordOperations records, RawPutBaseline rawPuts, FeatureGroup group,
                               java.util.Iterator<Record> batch, boolean update, int threads)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        double storeSeconds = 0;
        double rawSeconds = 0;
        for (int r = 0; r < ROUNDS; r++) {
            int size = (r + 1) * recordCount / ROUNDS - r * recordCount / ROUNDS;
            List<Record> slice = new ArrayList<>(size);
            while (slice.size() < size) {
                slice.add(batch.next());
            }
            storeSeconds += slice.size() / putAll(records, slice, threads);
            rawSeconds += slice.size() / rawPuts.run(typed(group, slice), update, threads);
        }
        return new double[] {recordCount / storeSeconds, recordCount / rawSeconds};
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

    /**
     * Flushes the journal (holding exactly the batch of {@code start} and {@code seed}) and writes
     * the same rows raw; nanoseconds of each. The put phase's records are gone by now and the raw
     * side's typed rows are built after the store's flush, from the same generator: the two phases
     * of 100k records, their typed copies and a flush together did not fit a 512 MB heap.
     */
    private long[] flushPair(RecordOperations records, FeatureGroup group, RawParquetWriter raw,
                             Instant start, long seed, Path rawFile) throws IOException {
        long begin = System.nanoTime();
        FlushResult flushed = records.flush(group.name());
        long store = System.nanoTime() - begin;
        if (flushed.rows() != recordCount) {
            throw new IllegalStateException("flushed " + flushed.rows() + " rows, expected " + recordCount);
        }
        List<TypedRecord> rows = new ArrayList<>(recordCount);
        BenchRecords.stream(recordCount, start, seed)
                .forEachRemaining(r -> rows.add(RecordValidator.validate(group, r)));
        return new long[] {store, raw.write(rows, Instant.now(), rawFile)};
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
