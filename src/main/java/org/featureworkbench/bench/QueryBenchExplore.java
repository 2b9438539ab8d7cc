package org.featureworkbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestListener;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.query.RelationInfo;
import org.featureworkbench.workspace.Workspace;

/**
 * The Explore page part of {@code bench query}: opening the page (relations, then every group's
 * copy synced) on a workspace of 10 groups and 5,000 hour files, in a fresh JVM with no copy yet,
 * in a fresh JVM with the persisted copy, and warm in this one.
 */
public final class QueryBenchExplore {
    private static final Pattern PROBE = Pattern.compile("explore-probe open-ms=(\\d+\\.\\d+) relations-ms=(\\d+\\.\\d+) "
            + "sync-ms=(\\d+\\.\\d+) duckdb-ms=(\\d+\\.\\d+)");

    private final QueryBenchReport report;

    QueryBenchExplore(QueryBenchReport report) {
        this.report = report;
    }

    void measure(Path dir) throws IOException, InterruptedException {
        Path workspace = dir.resolve("workspace");
        Properties marker = QueryBenchmark.readMarker(dir);
        int files = QueryBenchmark.EXPLORE_GROUPS * QueryBenchmark.EXPLORE_INGESTS_PER_GROUP * QueryBenchmark.EXPLORE_HOURS_PER_INGEST;
        if (!"done".equals(marker.getProperty("explore"))) {
            QueryBenchmark.deleteRecursively(workspace);
            Files.createDirectories(dir);
            long t = System.nanoTime();
            buildExploreWorkspace(dir, workspace);
            marker.setProperty("explore", "done");
            QueryBenchmark.writeMarker(dir, marker);
            report.explore.add(new QueryBenchReport.Line(String.format(Locale.ROOT,
                    "built: %d groups x %d ingests of %d hours", QueryBenchmark.EXPLORE_GROUPS, QueryBenchmark.EXPLORE_INGESTS_PER_GROUP,
                    QueryBenchmark.EXPLORE_HOURS_PER_INGEST), QueryBenchmark.seconds(t), String.format(Locale.ROOT, "%,d rows",
                    (long) QueryBenchmark.EXPLORE_GROUPS * QueryBenchmark.EXPLORE_INGESTS_PER_GROUP * QueryBenchmark.EXPLORE_ROWS_PER_INGEST), null));
        }
        long[] counted = QueryBenchmark.parquetFiles(workspace.resolve("offline-store"));
        report.header.add(String.format(Locale.ROOT, "Explore workspace: %d groups, %,d hour files (expected %,d), %,d MB",
                QueryBenchmark.EXPLORE_GROUPS, counted[0], files, counted[1] >> 20));

        rawReadOfEveryGroup(workspace);
        QueryBenchmark.deleteRecursively(workspace.resolve("query"));
        probe(workspace, "first open ever, fresh JVM (no copy yet: loads every file)");
        probe(workspace, "first open after a restart, fresh JVM (persisted copy)");
        try (FeatureStore store = Workspace.open(workspace)) {
            exploreOpen(store); // this JVM's first: its copy is already there, the JIT is not warm yet
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                warm.add(exploreOpen(store)[0]);
            }
            report.explore.add(new QueryBenchReport.Line("warm re-open (same process), median",
                    QueryBenchReport.median(warm) / 1000, "runs " + QueryBenchReport.list(warm) + " ms",
                    QueryBenchReport.GOAL_EXPLORE_OPEN_SECONDS));
        }
    }

    /** Context for the first open: raw DuckDB reading every group's files once (count(*) per group). */
    private void rawReadOfEveryGroup(Path workspace) throws IOException {
        List<String> globs = new ArrayList<>();
        try (FeatureStore store = Workspace.open(workspace)) {
            for (int g = 0; g < QueryBenchmark.EXPLORE_GROUPS; g++) {
                FeatureGroup group = store.describeFeatureGroup("explore_" + g);
                globs.add(store.offlineStoreDirectory().resolve(group.offlineFolderName()).toAbsolutePath()
                        + "/data/**/*.parquet");
            }
        }
        try (Connection c = QueryBenchmark.rawConnection(); Statement s = c.createStatement()) {
            long t = System.nanoTime();
            for (String glob : globs) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + QueryBenchmark.hourFilesSource(glob))) {
                    rs.next();
                }
            }
            report.explore.add(new QueryBenchReport.Line("context: raw DuckDB count(*) over every group's files",
                    QueryBenchmark.seconds(t), "read_parquet per group, union_by_name; fresh connection", null));
        } catch (SQLException e) {
            throw new IOException("raw read of the Explore workspace failed: " + e.getMessage(), e);
        }
    }

    private void buildExploreWorkspace(Path dir, Path workspace) throws IOException {
        Path csv = dir.resolve("explore.csv");
        try (FeatureStore store = Workspace.open(workspace)) {
            for (int g = 0; g < QueryBenchmark.EXPLORE_GROUPS; g++) {
                String name = "explore_" + g;
                store.createFeatureGroup(QueryBenchmarkData.group(name));
                for (int k = 0; k < QueryBenchmark.EXPLORE_INGESTS_PER_GROUP; k++) {
                    // Each ingest covers hours no other ingest of the group touches: one file per hour.
                    Instant start = QueryBenchmarkData.START.plus(Duration.ofHours((long) k * QueryBenchmark.EXPLORE_HOURS_PER_INGEST));
                    QueryBenchmarkData.write(csv, QueryBenchmark.EXPLORE_ROWS_PER_INGEST, 5_000, start,
                            QueryBenchmark.EXPLORE_HOURS_PER_INGEST * 3600L, g * 100L + k);
                    store.ingest().ingest(IngestRequest.of(name, csv), IngestListener.NONE);
                }
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /**
     * What opening the Explore page costs: the relations for the sidebar and completion, then every
     * group's copy synced ({@code SELECT count(*)} on each view). Returns {total, relations, syncs} in ms.
     */
    static double[] exploreOpen(FeatureStore store) {
        long t = System.nanoTime();
        List<RelationInfo> relations = store.query().relations();
        double relationsMs = QueryBenchmark.millis(t);
        long s = System.nanoTime();
        for (RelationInfo r : relations) {
            if (!r.latest()) {
                QueryBenchChecked.engineStream(store, "SELECT count(*) AS n FROM \"" + r.name().replace("\"", "\"\"") + "\"");
            }
        }
        return new double[] {QueryBenchmark.millis(t), relationsMs, QueryBenchmark.millis(s)};
    }

    /** Runs {@link #probe(Path, PrintStream)} in a fresh JVM (the same jar, -Xmx512m) and reports its numbers. */
    private void probe(Path workspace, String what) throws IOException, InterruptedException {
        Path jar;
        try {
            jar = Path.of(QueryBenchExplore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IOException("cannot find the running jar: " + e.getMessage(), e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx512m", "-cp", jar.toString(), "org.featureworkbench.Main",
                "bench", "query", "--explore-probe", workspace.toString());
        long t = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("the Explore probe failed: " + output);
        }
        double jvmSeconds = QueryBenchmark.seconds(t);
        Matcher m = PROBE.matcher(output);
        if (!m.find()) {
            throw new IOException("the Explore probe printed no numbers: " + output);
        }
        double total = Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3));
        report.explore.add(new QueryBenchReport.Line(what, total / 1000, String.format(Locale.ROOT,
                "relations %s ms + syncs %s ms; before it: workspace open %s ms, of which DuckDB's first connection "
                        + "%s ms; whole JVM %.1f s", m.group(2), m.group(3), m.group(1), m.group(4), jvmSeconds),
                QueryBenchReport.GOAL_EXPLORE_OPEN_SECONDS));
    }

    /**
     * The child side of {@link #probe(Path, String)}: opens the workspace, loads DuckDB, and times
     * opening the Explore page once. Prints one line the parent parses.
     */
    public static int probe(Path workspace, PrintStream out) throws SQLException {
        long t = System.nanoTime();
        try (FeatureStore store = Workspace.open(workspace)) {
            double openMs = QueryBenchmark.millis(t);
            // DuckDB's library load is paid by any first query of a process; shown apart from the page's own work.
            long d = System.nanoTime();
            try (Connection c = QueryBenchmark.rawConnection()) {
                c.isValid(1);
            }
            double duckDbMs = QueryBenchmark.millis(d);
            double[] explore = exploreOpen(store);
            out.println(String.format(Locale.ROOT, "explore-probe open-ms=%.1f relations-ms=%.1f sync-ms=%.1f duckdb-ms=%.1f",
                    openMs, explore[1], explore[2], duckDbMs));
        }
        return 0;
    }
}
