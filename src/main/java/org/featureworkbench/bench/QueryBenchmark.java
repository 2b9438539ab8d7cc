package org.featureworkbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestListener;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.core.IngestSummary;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.workspace.Workspace;

/**
 * {@code bench query} (issue 10): the query engine against raw DuckDB on the same data, in one run.
 *
 * <ol>
 *   <li>A group of {@code rows} rows (default 10M, ~1 id per 10 rows) over 90 days, written by our
 *       own ingest from a generated CSV, so the real hour-file layout exists (~2,160 files); and one
 *       Parquet file holding the same rows (DuckDB COPY from the hour files).</li>
 *   <li>The first query after the engine's native copy is gone (it loads every file) and the first
 *       after a restart (the persisted copy only diffs the file list), reported apart.</li>
 *   <li>Five typical queries ({@link QueryBenchmarkQueries}), one warm-up then {@code runs} timed
 *       runs each, interleaved: the engine (streamed to the end, and paged: run + first page), raw
 *       DuckDB over the hour files, raw DuckDB over the one file.</li>
 *   <li>Statistics of the group ({@code store.query().statistics}): all history and the latest snapshot.</li>
 *   <li>Opening the Explore page (relations + every group's copy synced) on a workspace of 10 groups
 *       and 5,000 hour files: in a fresh JVM with no copy yet, in a fresh JVM with the persisted
 *       copy, and warm in this one.</li>
 *   <li>Peak heap over the whole run ({@link HeapSampler}).</li>
 * </ol>
 */
public final class QueryBenchmark {
    static final String GROUP = "bench_query";
    static final int EXPLORE_GROUPS = 10;
    static final int EXPLORE_INGESTS_PER_GROUP = 5;
    static final int EXPLORE_HOURS_PER_INGEST = 100;
    static final int EXPLORE_ROWS_PER_INGEST = 10_000;
    private static final String MARKER = "bench-query.properties";

    private final long rows;
    private final Path reuse;
    private final int runs;
    private final boolean explore;
    private final PrintStream out;
    private final QueryBenchReport report = new QueryBenchReport();

    /**
     * @param rows    rows of the big group
     * @param reuse   a folder to build in and keep (and reuse when it already holds this benchmark's data), or null
     * @param runs    measured runs per query and side
     * @param explore whether to measure the 10-group Explore workspace too
     */
    public QueryBenchmark(long rows, Path reuse, int runs, boolean explore, PrintStream out) {
        this.rows = rows;
        this.reuse = reuse;
        this.runs = runs;
        this.explore = explore;
        this.out = out;
    }

    public int run() throws IOException, SQLException, InterruptedException {
        Path base = reuse != null ? reuse.toAbsolutePath() : Files.createTempDirectory("fwb-query-bench");
        Files.createDirectories(base);
        report.header.add(String.format(Locale.ROOT, "bench query: %,d rows, %d cores, Java %s, max heap %d MB, "
                        + "load average at start %s, folder %s%s", rows, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, loadAverage(), base,
                reuse != null ? " (kept)" : ""));
        try (HeapSampler whole = new HeapSampler()) {
            long t = System.nanoTime();
            try (Connection first = rawConnection()) {
                report.setup.add(new QueryBenchReport.Line("DuckDB's first connection in this JVM (loads the library)",
                        seconds(t), "", null));
            }
            Path workspace = base.resolve("workspace");
            Path oneFile = base.resolve("one-file.parquet");
            prepareBigGroup(base, workspace, oneFile);
            long queriesPeak;
            try (HeapSampler queries = new HeapSampler()) {
                measureQueries(workspace, oneFile);
                queriesPeak = queries.peakMb();
            }
            if (explore) {
                new QueryBenchExplore(report).measure(base.resolve("explore"));
            }
            report.peakHeapMb = whole.peakMb();
            report.peakHeapQueriesMb = queriesPeak;
        } finally {
            if (reuse == null) {
                deleteRecursively(base);
            }
        }
        report.header.add(String.format(Locale.ROOT, "load average at the end %s", loadAverage()));
        out.println();
        report.print(out);
        return 0;
    }

    // ---------------------------------------------------------------- the big group

    private void prepareBigGroup(Path base, Path workspace, Path oneFile) throws IOException, SQLException {
        Properties marker = readMarker(base);
        boolean reusable = Long.toString(rows).equals(marker.getProperty("rows")) && Files.isDirectory(workspace)
                && Files.isRegularFile(oneFile);
        if (!reusable) {
            if (!marker.isEmpty() || isEmptyOrMissing(base)) {
                deleteRecursively(workspace);
                Files.deleteIfExists(oneFile);
            } else {
                throw new IOException(base + " is not empty and holds no " + MARKER + "; give --reuse an empty or "
                        + "new folder");
            }
            buildBigGroup(base, workspace);
            writeOneFile(workspace, oneFile);
            marker.setProperty("rows", Long.toString(rows));
            writeMarker(base, marker);
        } else {
            report.header.add("reused the workspace and the one file of an earlier run in " + base);
        }
        try (FeatureStore store = Workspace.open(workspace)) {
            FeatureGroup group = store.describeFeatureGroup(GROUP);
            Path data = store.offlineStoreDirectory().resolve(group.offlineFolderName()).resolve("data");
            long[] files = parquetFiles(data);
            report.header.add(String.format(Locale.ROOT, "group %s: %,d rows over %d days, %,d hour files (%,d MB); "
                            + "one file %,d MB", GROUP, rows, QueryBenchmarkData.DAYS, files[0], files[1] >> 20,
                    Files.size(oneFile) >> 20));
        }
    }

    private void buildBigGroup(Path base, Path workspace) throws IOException {
        Path csv = base.resolve("bench-query.csv");
        long t = System.nanoTime();
        int ids = distinctIds(rows);
        QueryBenchmarkData.write(csv, rows, ids, QueryBenchmarkData.START, QueryBenchmarkData.DAYS * 86_400L, 42);
        report.setup.add(new QueryBenchReport.Line("generated the CSV (streamed to disk)", seconds(t),
                String.format(Locale.ROOT, "%,d rows, %,d distinct ids, %,d MB", rows, ids, Files.size(csv) >> 20),
                null));
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(QueryBenchmarkData.group(GROUP));
            IngestSummary summary = store.ingest().ingest(IngestRequest.of(GROUP, csv), IngestListener.NONE);
            if (summary.writtenOffline() != rows) {
                throw new IllegalStateException("the ingest wrote " + summary.writtenOffline() + " rows of " + rows
                        + " (" + summary.rejected() + " rejected)");
            }
            report.setup.add(new QueryBenchReport.Line("ingest into the offline store (store.ingest())",
                    summary.seconds(), String.format(Locale.ROOT, "%,.0f rows/s", summary.rowsPerSecond()), null));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private void writeOneFile(Path workspace, Path oneFile) throws SQLException {
        String glob = hourGlob(workspace);
        long t = System.nanoTime();
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM " + hourFilesSource(glob) + ") TO '" + oneFile + "' (FORMAT PARQUET)");
        }
        report.setup.add(new QueryBenchReport.Line("raw DuckDB COPY of the hour files into one Parquet file",
                seconds(t), "written once; not a goal", null));
    }

    // ---------------------------------------------------------------- the five queries

    private void measureQueries(Path workspace, Path oneFile) throws IOException, SQLException {
        // The copy is rebuilt, so the first use is measured as a user meets it on a workspace's first query.
        deleteRecursively(workspace.resolve("query"));
        String count = "SELECT count(*) AS n FROM \"" + GROUP + "\"";
        try (FeatureStore store = Workspace.open(workspace)) {
            long t = System.nanoTime();
            QueryBenchChecked loaded = QueryBenchChecked.engineStream(store, count);
            report.setup.add(new QueryBenchReport.Line("first query, no copy yet: loads every hour file into the copy",
                    seconds(t), String.format(Locale.ROOT, "count(*) = %,d", loaded.firstLong), null));
        }
        Path copy = workspace.resolve("query").resolve("mirror.duckdb");
        String copySize = Files.isRegularFile(copy) ? String.format(Locale.ROOT, "copy file %,d MB", Files.size(copy) >> 20)
                : "no copy file";
        try (FeatureStore store = Workspace.open(workspace);
             Connection raw = rawConnection()) {
            long t = System.nanoTime();
            QueryBenchChecked.engineStream(store, count);
            report.setup.add(new QueryBenchReport.Line("first query after a restart (persisted copy, file list diffed)",
                    seconds(t), copySize, null));

            String hours = hourFilesSource(hourGlob(workspace));
            String one = "read_parquet('" + oneFile + "')";
            for (QueryBenchmarkQueries.BenchQuery q : QueryBenchmarkQueries.all(GROUP)) {
                report.queries.add(measure(store, raw, q, hours, one));
            }
            List<Double> fixed = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long f = System.nanoTime();
                QueryBenchChecked.engineStream(store, "SELECT 1 AS one FROM \"" + GROUP + "\" LIMIT 1");
                fixed.add(millis(f));
            }
            report.after.add(new QueryBenchReport.Line("engine's fixed cost per query (SELECT 1 … LIMIT 1), median",
                    QueryBenchReport.median(fixed) / 1000, "statement check + view refresh + file-list diff; runs "
                    + QueryBenchReport.list(fixed) + " ms", null));
            fixedCostParts(store, workspace);
            copyColumnContext(store, raw, one);
            measureStatistics(store);
        }
    }

    /** Parts of the engine's fixed cost that can be timed from outside the engine (evidence for docs/benchmarks.md). */
    private void fixedCostParts(FeatureStore store, Path workspace) throws IOException {
        String sql = "SELECT 1 AS one FROM \"" + GROUP + "\" LIMIT 1";
        List<Double> validate = new ArrayList<>();
        List<Double> relations = new ArrayList<>();
        List<Double> walk = new ArrayList<>();
        FeatureGroup group = store.describeFeatureGroup(GROUP);
        Path data = store.offlineStoreDirectory().resolve(group.offlineFolderName()).resolve("data");
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            store.query().validate(sql);
            validate.add(millis(t));
            t = System.nanoTime();
            store.query().relations();
            relations.add(millis(t));
            t = System.nanoTime();
            parquetFiles(data);
            walk.add(millis(t));
        }
        report.after.add(new QueryBenchReport.Line("  of which: statement check (query().validate), median",
                QueryBenchReport.median(validate) / 1000, "runs " + QueryBenchReport.list(validate) + " ms", null));
        report.after.add(new QueryBenchReport.Line("  of which: catalog read + view refresh (relations()), median",
                QueryBenchReport.median(relations) / 1000, "runs " + QueryBenchReport.list(relations) + " ms", null));
        report.after.add(new QueryBenchReport.Line("  context: walking the group's hour folders once, median",
                QueryBenchReport.median(walk) / 1000, "each query lists them; runs " + QueryBenchReport.list(walk)
                + " ms", null));
    }

    /**
     * The event-time queries again, over the copy's own {@code _et} column (the instant the copy
     * already parsed) instead of {@code event_instant(event_time)}: what exposing it would give.
     */
    private void copyColumnContext(FeatureStore store, Connection raw, String one) throws SQLException {
        FeatureGroup group = store.describeFeatureGroup(GROUP);
        String table = "fwb_mirror.\"" + group.offlineFolderName() + "\"";
        List<QueryBenchmarkQueries.BenchQuery> all = QueryBenchmarkQueries.all(GROUP);
        for (QueryBenchmarkQueries.BenchQuery q : List.of(all.get(0), all.get(3))) {
            String sql = q.engineSql().replace("event_instant(event_time)", "_et").replace("\"" + GROUP + "\"", table);
            try {
                QueryBenchChecked.engineStream(store, sql);
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    ms.add(time(() -> QueryBenchChecked.engineStream(store, sql)));
                }
                report.after.add(new QueryBenchReport.Line("context: " + q.name() + " over the copy's _et, median",
                        QueryBenchReport.median(ms) / 1000, "engine, runs " + QueryBenchReport.list(ms) + " ms", null));
            } catch (RuntimeException e) {
                report.after.add(new QueryBenchReport.Line("context: " + q.name() + " over the copy's _et", 0,
                        "not measured: " + e.getMessage(), null));
            }
        }
    }

    private QueryBenchReport.QueryTimes measure(FeatureStore store, Connection raw, QueryBenchmarkQueries.BenchQuery q,
                                                String hours, String one) throws SQLException {
        out.println("query: " + q.name());
        QueryBenchChecked engine = QueryBenchChecked.engineStream(store, q.engineSql());
        QueryBenchChecked paged = QueryBenchChecked.enginePaged(store, q.engineSql());
        QueryBenchChecked onHours = QueryBenchChecked.rawQuery(raw, q.raw(hours));
        QueryBenchChecked onOne = QueryBenchChecked.rawQuery(raw, q.raw(one));
        boolean agree = engine.rows == paged.rows && engine.equals(onHours) && engine.equals(onOne);
        if (!agree) {
            out.println(String.format(Locale.ROOT, "  results differ: engine %s, paged %d rows, hour files %s, one file %s",
                    engine, paged.rows, onHours, onOne));
        }
        List<Double> e = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        List<Double> h = new ArrayList<>();
        List<Double> o = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            // The side that goes first changes every run, so load from outside hits all sides alike.
            for (int k = 0; k < 4; k++) {
                switch ((run + k) % 4) {
                    case 0 -> e.add(time(() -> QueryBenchChecked.engineStream(store, q.engineSql())));
                    case 1 -> p.add(time(() -> QueryBenchChecked.enginePaged(store, q.engineSql())));
                    case 2 -> h.add(time(() -> QueryBenchChecked.rawQuery(raw, q.raw(hours))));
                    default -> o.add(time(() -> QueryBenchChecked.rawQuery(raw, q.raw(one))));
                }
            }
        }
        QueryBenchReport.QueryTimes times = new QueryBenchReport.QueryTimes(q.name(), e, p, h, o, engine.rows, agree);
        out.println(String.format(Locale.ROOT, "  medians: engine %.1f ms, paged %.1f ms, hour files %.1f ms, one file "
                + "%.1f ms (load %s)", times.engineMs(), QueryBenchReport.median(p), times.hourFilesMs(), times.oneFileMs(),
                loadAverage()));
        return times;
    }

    private interface Timed {
        void run() throws SQLException;
    }

    private static double time(Timed work) throws SQLException {
        long t = System.nanoTime();
        work.run();
        return millis(t);
    }

    // ---------------------------------------------------------------- statistics

    private void measureStatistics(FeatureStore store) {
        report.statistics.addAll(QueryBenchStatistics.measure(store, GROUP));
    }

    // ---------------------------------------------------------------- helpers

    static int distinctIds(long rows) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, rows / 10));
    }

    private static String hourGlob(Path workspace) {
        try (FeatureStore store = Workspace.open(workspace)) {
            FeatureGroup group = store.describeFeatureGroup(GROUP);
            return store.offlineStoreDirectory().resolve(group.offlineFolderName()).toAbsolutePath()
                    + "/data/**/*.parquet";
        }
    }

    static String hourFilesSource(String glob) {
        return "read_parquet('" + glob + "', hive_partitioning = false, union_by_name = true)";
    }

    /** A plain in-memory DuckDB, as a user would open one: default settings, UTC, streamed results like the engine's. */
    static Connection rawConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        Connection c = DriverManager.getConnection("jdbc:duckdb:", properties);
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
        }
        return c;
    }

    /** {files, bytes} of the Parquet files under a folder. */
    static long[] parquetFiles(Path dir) throws IOException {
        long[] result = new long[2];
        if (!Files.isDirectory(dir)) {
            return result;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).forEach(p -> {
                result[0]++;
                try {
                    result[1] += Files.size(p);
                } catch (IOException e) {
                    // counted without its size
                }
            });
        }
        return result;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Properties readMarker(Path dir) throws IOException {
        Properties p = new Properties();
        Path file = dir.resolve(MARKER);
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    static void writeMarker(Path dir, Properties p) throws IOException {
        try (var w = Files.newBufferedWriter(dir.resolve(MARKER))) {
            p.store(w, "bench query data; delete this folder to rebuild");
        }
    }

    private static boolean isEmptyOrMissing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
