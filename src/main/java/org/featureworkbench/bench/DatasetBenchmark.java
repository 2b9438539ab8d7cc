package org.featureworkbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestListener;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.core.IngestSummary;
import org.featureworkbench.dataset.BuiltDataset;
import org.featureworkbench.dataset.DatasetBase;
import org.featureworkbench.dataset.DatasetProgress;
import org.featureworkbench.dataset.DatasetSpec;
import org.featureworkbench.dataset.JoinedGroup;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.query.ExportFormat;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.workspace.Workspace;

/**
 * {@code bench dataset} (issue 11): point-in-time training datasets built three ways on the same
 * data, in one run.
 *
 * <ol>
 *   <li>Data ({@link DatasetBenchmarkData}): 3 offline groups of {@code historyRows} rows each over
 *       {@code ids} record ids and 90 days, written by our own ingest, and a base CSV of
 *       {@code baseRows} labelled events. {@code --reuse DIR} keeps it between runs.</li>
 *   <li>Sides, each writing the whole dataset to a file: the builder
 *       ({@code store.datasets().build}) to CSV and to Parquet; a hand-written DuckDB ASOF LEFT JOIN
 *       over the same hour files ({@link DatasetBenchmarkRaw}) to CSV and to Parquet; pandas
 *       {@code merge_asof} ({@link DatasetBenchmarkPandas}) to CSV. Each runs once as a warm-up, then
 *       {@code runs} measured times, interleaved, the side going first rotating.</li>
 *   <li>The outputs of the last run are checked equal ({@link DatasetBenchmarkCompare}); a
 *       difference makes the command fail.</li>
 *   <li>Peak heap ({@link HeapSampler}) over the whole run and while the builder runs.</li>
 * </ol>
 */
public final class DatasetBenchmark {
    private static final String MARKER = "bench-dataset.properties";
    /** Bump when the generated data changes, so a reused folder is rebuilt. */
    private static final String DATA_VERSION = "1";

    private final long baseRows;
    private final long historyRows;
    private final int ids;
    private final Path reuse;
    private final int runs;
    private final boolean pandas;
    private final PrintStream out;
    private final DatasetBenchmarkReport report = new DatasetBenchmarkReport();
    private final List<DatasetBenchmarkGroup> groups = DatasetBenchmarkGroup.all();
    /** Seconds of the last build alone, without the heap sampler's set-up; -1 before one. */
    private double builderSeconds = -1;
    /** The phase timings the pandas script printed on its last run. */
    private final Map<String, String> lastPandasPhases = new LinkedHashMap<>();

    /** One timed way of writing the dataset to one file. */
    private interface Work {
        void run() throws Exception;
    }

    private record Side(String side, String format, Path output, Work work) {
        String label() {
            return side + ", " + format;
        }
    }

    /**
     * @param baseRows    rows of the base file
     * @param historyRows rows of each group's history
     * @param ids         distinct record ids of the groups
     * @param reuse       a folder to build the data in and keep (reused when it holds data of these sizes), or null
     * @param runs        measured runs per side, after one warm-up
     * @param pandas      whether to run the pandas side
     */
    public DatasetBenchmark(long baseRows, long historyRows, int ids, Path reuse, int runs, boolean pandas,
                            PrintStream out) {
        this.baseRows = baseRows;
        this.historyRows = historyRows;
        this.ids = ids;
        this.reuse = reuse;
        this.runs = runs;
        this.pandas = pandas;
        this.out = out;
    }

    /** Runs everything and prints the report; 0 when the outputs are equal, 1 when they are not. */
    public int run() throws Exception {
        Path dir = reuse != null ? reuse.toAbsolutePath() : Files.createTempDirectory("fwb-dataset-bench");
        Files.createDirectories(dir);
        report.header.add(String.format(Locale.ROOT, "bench dataset: base %,d rows x %d groups x %,d history rows "
                        + "(%,d ids, %d days); %d cores, Java %s, max heap %d MB, load average at start %s, folder %s%s",
                baseRows, groups.size(), historyRows, ids, DatasetBenchmarkData.DAYS,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, QueryBenchmark.loadAverage(), dir, reuse != null ? " (kept)" : ""));
        try (HeapSampler whole = new HeapSampler()) {
            Path workspace = dir.resolve("workspace");
            Path baseCsv = dir.resolve("base.csv");
            prepare(dir, workspace, baseCsv);
            List<String> sources = hourSources(workspace);
            Path output = dir.resolve("out");
            QueryBenchmark.deleteRecursively(output);
            Files.createDirectories(output);
            List<Path> pandasInput = pandas ? preparePandas(dir, sources) : null;
            // The engine's copy is rebuilt, so its first load (on a workspace's first build) is measured too.
            QueryBenchmark.deleteRecursively(workspace.resolve("query"));
            try (FeatureStore store = Workspace.open(workspace);
                 Connection raw = QueryBenchmark.rawConnection()) {
                List<Side> sides = sides(store, raw, baseCsv, sources, output, pandasInput);
                measure(sides);
                check(sides);
            }
            report.peakHeapMb = whole.peakMb();
        } finally {
            if (reuse == null) {
                QueryBenchmark.deleteRecursively(dir);
            }
        }
        report.header.add("load average at the end " + QueryBenchmark.loadAverage());
        out.println();
        report.print(out);
        return report.outputsEqual() ? 0 : 1;
    }

    private List<Side> sides(FeatureStore store, Connection raw, Path baseCsv, List<String> sources, Path output,
                             List<Path> pandasInput) throws IOException {
        List<Side> sides = new ArrayList<>();
        DatasetSpec spec = DatasetSpec.of(DatasetBase.file(baseCsv, DatasetBenchmarkGroup.ID,
                DatasetBenchmarkData.BASE_TIME), groups.stream().map(g -> JoinedGroup.of(g.name())).toList());
        for (String format : List.of(DatasetBenchmarkReport.CSV, DatasetBenchmarkReport.PARQUET)) {
            Path file = output.resolve("builder." + extension(format));
            DatasetSpec formatted = spec.withFormat(exportFormat(format));
            sides.add(new Side(DatasetBenchmarkReport.BUILDER, format, file, () -> build(store, formatted, file)));
        }
        String select = DatasetBenchmarkRaw.select(baseCsv, groups, sources);
        // The first plan() opens a session, which loads every hour file into the engine's (deleted) copy.
        long t = System.nanoTime();
        String planned = store.datasets().plan(spec).sql();
        report.setup.add(new DatasetBenchmarkReport.Line("builder's first plan(): loads the engine's copy of every "
                + "hour file", QueryBenchmark.seconds(t), "once per workspace; not in the builder's times"));
        // The SQL of both joins, for a look at plans after the run (EXPLAIN ANALYZE).
        Files.writeString(output.resolve("builder.sql"), planned + "\n");
        Files.writeString(output.resolve("raw.sql"), select + "\n");
        for (String format : List.of(DatasetBenchmarkReport.CSV, DatasetBenchmarkReport.PARQUET)) {
            Path file = output.resolve("raw." + extension(format));
            sides.add(new Side(DatasetBenchmarkReport.RAW, format, file,
                    () -> DatasetBenchmarkRaw.copy(raw, select, file, exportFormat(format))));
        }
        if (pandasInput != null) {
            Path file = output.resolve("pandas.csv");
            Path config = output.resolve("pandas-config.json");
            Path script = DatasetBenchmarkPandas.extractScript(output);
            DatasetBenchmarkPandas.writeConfig(config, baseCsv, groups, pandasInput, file);
            sides.add(new Side(DatasetBenchmarkReport.PANDAS, DatasetBenchmarkReport.CSV, file, () -> {
                Map<String, String> phases = DatasetBenchmarkPandas.run(script, config);
                lastPandasPhases.clear();
                lastPandasPhases.putAll(phases);
            }));
        }
        return sides;
    }

    /** One warm-up of every side, then {@code runs} rounds, the side going first rotating so outside load hits all alike. */
    private void measure(List<Side> sides) throws Exception {
        Map<String, Double> warmups = new LinkedHashMap<>();
        Map<String, List<Double>> measured = new LinkedHashMap<>();
        for (Side s : sides) {
            out.println("warm-up: " + s.label());
            warmups.put(s.label(), timed(s));
            measured.put(s.label(), new ArrayList<>());
        }
        for (int run = 0; run < runs; run++) {
            for (int k = 0; k < sides.size(); k++) {
                Side s = sides.get((run + k) % sides.size());
                double seconds = timed(s);
                measured.get(s.label()).add(seconds);
                out.println(String.format(Locale.ROOT, "run %d: %-20s %7.2f s (load %s)", run + 1, s.label(), seconds,
                        QueryBenchmark.loadAverage()));
            }
        }
        for (Side s : sides) {
            report.times.add(new DatasetBenchmarkReport.Times(s.side(), s.format(), warmups.get(s.label()),
                    measured.get(s.label())));
        }
        if (!lastPandasPhases.isEmpty()) {
            report.notes.add("pandas, last run, inside the script: " + lastPandasPhases);
        }
    }

    /** One build; the heap is sampled around it (the sampler's own GC happens before the clock starts). */
    private void build(FeatureStore store, DatasetSpec spec, Path file) {
        try (HeapSampler heap = new HeapSampler()) {
            long t = System.nanoTime();
            BuiltDataset built = store.datasets().build(spec, file, DatasetProgress.NONE, new QueryCancellation());
            builderSeconds = QueryBenchmark.seconds(t);
            report.peakHeapBuilderMb = Math.max(report.peakHeapBuilderMb, heap.peakMb());
            report.rows.put(DatasetBenchmarkReport.BUILDER + ", " + (spec.format() == ExportFormat.CSV
                    ? DatasetBenchmarkReport.CSV : DatasetBenchmarkReport.PARQUET), built.rows());
        }
    }

    private double timed(Side s) throws Exception {
        Files.deleteIfExists(s.output());
        builderSeconds = -1;
        long t = System.nanoTime();
        s.work().run();
        double seconds = QueryBenchmark.seconds(t);
        // A build times itself inside its heap sampler, leaving out the sampler's System.gc().
        return builderSeconds >= 0 ? builderSeconds : seconds;
    }

    /** Compares every output of the last run with the builder's CSV. */
    private void check(List<Side> sides) throws SQLException {
        List<DatasetBenchmarkColumn> columns = new ArrayList<>(DatasetBenchmarkData.BASE_COLUMNS);
        groups.forEach(g -> columns.addAll(g.outputColumns()));
        Side reference = sides.get(0);
        try (Connection c = QueryBenchmark.rawConnection()) {
            report.referenceRows = DatasetBenchmarkCompare.loadReference(c, reference.output(), columns);
            report.rows.putIfAbsent(reference.label(), report.referenceRows);
            for (Side s : sides.subList(1, sides.size())) {
                DatasetBenchmarkCompare.Outcome o = DatasetBenchmarkCompare.compare(c, s.label() + " vs "
                        + reference.label(), s.output(), columns);
                report.comparisons.add(o);
                report.rows.putIfAbsent(s.label(), o.rows());
            }
        }
    }

    // ---------------------------------------------------------------- data

    private void prepare(Path dir, Path workspace, Path baseCsv) throws IOException {
        Properties marker = readMarker(dir);
        Properties wanted = new Properties();
        wanted.setProperty("version", DATA_VERSION);
        wanted.setProperty("base-rows", Long.toString(baseRows));
        wanted.setProperty("history-rows", Long.toString(historyRows));
        wanted.setProperty("ids", Integer.toString(ids));
        if (marker.equals(wanted) && Files.isDirectory(workspace) && Files.isRegularFile(baseCsv)) {
            report.header.add("reused the data of an earlier run in " + dir);
            return;
        }
        if (marker.isEmpty() && !isEmpty(dir)) {
            throw new IOException(dir + " is not empty and holds no " + MARKER + "; give --reuse an empty or new folder");
        }
        QueryBenchmark.deleteRecursively(workspace);
        QueryBenchmark.deleteRecursively(dir.resolve("pandas-input"));
        Files.deleteIfExists(dir.resolve(MARKER));
        long t = System.nanoTime();
        DatasetBenchmarkData.writeBase(baseCsv, baseRows, ids);
        report.setup.add(new DatasetBenchmarkReport.Line("generated the base CSV", QueryBenchmark.seconds(t),
                String.format(Locale.ROOT, "%,d rows, %,d MB", baseRows, Files.size(baseCsv) >> 20)));
        try (FeatureStore store = Workspace.open(workspace)) {
            for (DatasetBenchmarkGroup g : groups) {
                ingest(store, dir, g);
            }
        }
        writeMarker(dir, wanted);
    }

    private void ingest(FeatureStore store, Path dir, DatasetBenchmarkGroup g) throws IOException {
        Path csv = dir.resolve(g.name() + ".csv");
        try {
            long t = System.nanoTime();
            DatasetBenchmarkData.writeHistory(csv, g, historyRows, ids);
            double generated = QueryBenchmark.seconds(t);
            store.createFeatureGroup(g.definition());
            IngestSummary summary = store.ingest().ingest(IngestRequest.of(g.name(), csv), IngestListener.NONE);
            if (summary.writtenOffline() != historyRows) {
                throw new IllegalStateException("the ingest of " + g.name() + " wrote " + summary.writtenOffline()
                        + " rows of " + historyRows + " (" + summary.rejected() + " rejected)");
            }
            report.setup.add(new DatasetBenchmarkReport.Line("ingest of " + g.name() + " (store.ingest())",
                    summary.seconds(), String.format(Locale.ROOT, "%,.0f rows/s; CSV generated in %.1f s",
                    summary.rowsPerSecond(), generated)));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** The groups' CSV exports pandas reads, written once per data (untimed), and pandas itself. */
    private List<Path> preparePandas(Path dir, List<String> sources) throws Exception {
        long t = System.nanoTime();
        try {
            String version = DatasetBenchmarkPandas.ensure(dir.resolve("apt-get.log"));
            report.setup.add(new DatasetBenchmarkReport.Line("Debian's python3 with python3-pandas ready",
                    QueryBenchmark.seconds(t), version));
        } catch (IOException e) {
            report.pandasSkipped = e.getMessage();
            out.println("pandas side skipped: " + e.getMessage());
            return null;
        }
        Path inputs = dir.resolve("pandas-input");
        List<Path> files = groups.stream().map(g -> inputs.resolve(g.name() + ".csv").toAbsolutePath()).toList();
        if (files.stream().allMatch(Files::isRegularFile)) {
            return files;
        }
        t = System.nanoTime();
        try (Connection raw = QueryBenchmark.rawConnection()) {
            files = DatasetBenchmarkPandas.exportGroups(raw, groups, sources, inputs);
        }
        report.setup.add(new DatasetBenchmarkReport.Line("export of each group's offline rows to CSV for pandas",
                QueryBenchmark.seconds(t), "raw DuckDB COPY, once per data, untimed"));
        return files;
    }

    private List<String> hourSources(Path workspace) throws IOException {
        List<String> sources = new ArrayList<>();
        long files = 0;
        long bytes = 0;
        try (FeatureStore store = Workspace.open(workspace)) {
            for (DatasetBenchmarkGroup g : groups) {
                FeatureGroup group = store.describeFeatureGroup(g.name());
                Path folder = store.offlineStoreDirectory().resolve(group.offlineFolderName());
                long[] counted = QueryBenchmark.parquetFiles(folder.resolve("data"));
                files += counted[0];
                bytes += counted[1];
                sources.add(DatasetBenchmarkRaw.hourFiles(folder));
            }
        }
        report.header.add(String.format(Locale.ROOT, "offline store: %,d hour files, %,d MB in %d groups", files,
                bytes >> 20, groups.size()));
        return sources;
    }

    private static Properties readMarker(Path dir) throws IOException {
        Properties p = new Properties();
        Path file = dir.resolve(MARKER);
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    private static void writeMarker(Path dir, Properties p) throws IOException {
        try (var w = Files.newBufferedWriter(dir.resolve(MARKER))) {
            p.store(w, "bench dataset data; delete this folder to rebuild");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        }
    }

    private static String extension(String format) {
        return format.equals(DatasetBenchmarkReport.PARQUET) ? "parquet" : "csv";
    }

    private static ExportFormat exportFormat(String format) {
        return format.equals(DatasetBenchmarkReport.PARQUET) ? ExportFormat.PARQUET : ExportFormat.CSV;
    }
}
