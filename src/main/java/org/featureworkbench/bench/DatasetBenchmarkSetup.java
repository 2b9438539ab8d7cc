package org.featureworkbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
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
 * The untimed part of {@code bench dataset}: the data (generated, ingested through
 * {@code store.ingest()}, kept in the benchmark's folder with a marker of its sizes so a later run
 * with {@code --reuse} skips it), pandas' install and its CSV exports of the groups. What each step
 * took goes to the report's setup lines.
 */
final class DatasetBenchmarkSetup {
    private static final String MARKER = "bench-dataset.properties";
    /** Bump when the generated data changes, so a reused folder is rebuilt. */
    private static final String DATA_VERSION = "1";

    private final Path dir;
    private final long baseRows;
    private final long historyRows;
    private final int ids;
    private final List<DatasetBenchmarkGroup> groups;
    private final DatasetBenchmarkReport report;
    private final PrintStream out;

    DatasetBenchmarkSetup(Path dir, long baseRows, long historyRows, int ids, List<DatasetBenchmarkGroup> groups,
                          DatasetBenchmarkReport report, PrintStream out) {
        this.dir = dir;
        this.baseRows = baseRows;
        this.historyRows = historyRows;
        this.ids = ids;
        this.groups = groups;
        this.report = report;
        this.out = out;
    }

    /** Builds the workspace (3 ingested groups) and the base CSV, unless the folder already holds them at these sizes. */
    void prepare(Path workspace, Path baseCsv) throws IOException {
        Properties marker = readMarker();
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
                ingest(store, g);
            }
        }
        writeMarker(wanted);
    }

    private void ingest(FeatureStore store, DatasetBenchmarkGroup g) throws IOException {
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
    List<Path> preparePandas(List<String> sources) throws Exception {
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

    /** One raw DuckDB source per group (its hour files); the file count goes to the report's header. */
    List<String> hourSources(Path workspace) throws IOException {
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

    private Properties readMarker() throws IOException {
        Properties p = new Properties();
        Path file = dir.resolve(MARKER);
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    private void writeMarker(Properties p) throws IOException {
        try (var w = Files.newBufferedWriter(dir.resolve(MARKER))) {
            p.store(w, "bench dataset data; delete this folder to rebuild");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        }
    }
}
