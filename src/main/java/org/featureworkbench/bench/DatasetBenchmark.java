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
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.dataset.BuiltDataset;
import org.featureworkbench.dataset.DatasetBase;
import org.featureworkbench.dataset.DatasetProgress;
import org.featureworkbench.dataset.DatasetSpec;
import org.featureworkbench.dataset.JoinedGroup;
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
            DatasetBenchmarkSetup setup = new DatasetBenchmarkSetup(dir, baseRows, historyRows, ids, groups, report, out);
            Path workspace = dir.resolve("workspace");
            Path baseCsv = dir.resolve("base.csv");
            setup.prepare(workspace, baseCsv);
            List<String> sources = setup.hourSources(workspace);
            Path output = dir.resolve("out");
            QueryBenchmark.deleteRecursively(output);
            Files.createDirectories(output);
            List<Path> pandasInput = pandas ? setup.preparePandas(sources) : null;
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

    private static String extension(String format) {
        return format.equals(DatasetBenchmarkReport.PARQUET) ? "parquet" : "csv";
    }

    private static ExportFormat exportFormat(String format) {
        return format.equals(DatasetBenchmarkReport.PARQUET) ? ExportFormat.PARQUET : ExportFormat.CSV;
    }
}
