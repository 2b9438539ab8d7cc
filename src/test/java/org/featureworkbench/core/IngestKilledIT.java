package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.cli.Cli;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.testing.OfflineFiles;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, interrupted ingests: a child JVM ({@link IngestChild}) ingests with small checkpoints
 * and is SIGKILLed at a chosen point — before anything is published, after a publish whose files
 * are renamed but not yet recorded, after the whole offline part before the online one, and in the
 * middle of the online part. While it waits at that point, {@code jobs} (another process) shows it
 * RUNNING; after the kill, every command warns that it is interrupted and {@code jobs} shows
 * INTERRUPTED; {@code ingest --resume} then finishes it: every row of the file is offline exactly
 * once, and the online record of every id is its newest offline row.
 */
class IngestKilledIT {
    static final BatchIngest.Limits LIMITS = new BatchIngest.Limits(1_500, 100_000, 250);
    private static final int ROWS = 6_000;
    private static final int IDS = 1_000;

    @TempDir
    Path dir;

    private record KillPoint(String group, IngestJobTracker.Milestone milestone, int nth) {
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anIngestKilledAtAnyPointIsReportedAndItsResumeStoresEveryRowOnce() throws Exception {
        Path workspace = dir.resolve("ws");
        List<KillPoint> points = List.of(
                new KillPoint("before_publish", IngestJobTracker.Milestone.STARTED, 1),
                new KillPoint("publish_unrecorded", IngestJobTracker.Milestone.FILES_PUBLISHED, 3),
                new KillPoint("offline_done", IngestJobTracker.Milestone.OFFLINE_DONE, 1),
                new KillPoint("mid_online", IngestJobTracker.Milestone.ONLINE_BATCH, 2));
        try (FeatureStore store = Workspace.open(workspace)) {
            for (KillPoint p : points) {
                store.createFeatureGroup(definition(p.group()));
            }
        }
        for (KillPoint p : points) {
            Path csv = dir.resolve(p.group() + ".csv");
            writeCsv(csv);
            Process child = startChild(workspace, p, csv);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null && !line.startsWith("AT ")) {
                    // the child's log lines
                }
                assertEquals("AT " + p.milestone(), line, p + ": the child reached its kill point");
                if (p == points.get(0)) {
                    String running = cli(workspace, "jobs").out();
                    assertTrue(running.lines().anyMatch(l -> l.contains("RUNNING") && l.contains(p.group())),
                            p + ": jobs shows the paused child's ingest RUNNING\n" + running);
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
        }

        CliResult listed = cli(workspace, "group", "list");
        assertEquals(points.size(), listed.err().lines().filter(l -> l.contains("was interrupted")
                && l.contains("ingest --resume")).count(), "any command warns about each interrupted ingest\n"
                + listed.err());
        String jobs = cli(workspace, "jobs").out();
        for (KillPoint p : points) {
            String line = jobs.lines().filter(l -> l.contains(" " + p.group() + " ")).findFirst().orElseThrow();
            assertTrue(line.contains("INTERRUPTED"), p + ": " + jobs);
            String id = line.split("\\s+")[0];

            // A plain re-run of the file would store the published rows again: refused, nothing written.
            long offlineBefore = OfflineFiles.rows(workspace, p.group());
            CliResult rerun = cli(workspace, "ingest", p.group(), dir.resolve(p.group() + ".csv").toString());
            assertEquals(1, rerun.exitCode(), p + ": " + rerun);
            assertTrue(rerun.err().contains("'ingest --resume " + id + "'") && rerun.err().contains("'jobs --abandon "
                    + id + "'"), p + ": " + rerun.err());
            assertEquals(offlineBefore, OfflineFiles.rows(workspace, p.group()), p + ": the refused re-run wrote nothing");

            CliResult resumed = cli(workspace, "ingest", "--resume", id);
            assertEquals(0, resumed.exitCode(), p + ": " + resumed);
            assertTrue(resumed.out().startsWith("Resumed."), resumed.out());
        }
        try (FeatureStore store = Workspace.open(workspace)) {
            for (KillPoint p : points) {
                assertEveryRowOnceAndNewestOnline(store, workspace, p.group());
            }
            assertTrue(store.ingest().workspaceJobs().stream()
                    .allMatch(j -> j.status() == IngestJobRecord.Status.SUCCEEDED), "every job SUCCEEDED after its resume");
        }
        CliResult quiet = cli(workspace, "group", "list");
        assertTrue(!quiet.err().contains("interrupted"), "no warning once every ingest is resumed: " + quiet.err());
    }

    private void assertEveryRowOnceAndNewestOnline(FeatureStore store, Path workspace, String group) throws Exception {
        assertEquals(ROWS, OfflineFiles.rows(workspace, group), group + ": every row offline exactly once");
        assertEquals(ROWS, OfflineFiles.scalar(workspace, group, "SELECT count(DISTINCT amount) FROM t"),
                group + ": no row twice");
        Map<String, String> newest = new HashMap<>();
        String glob = workspace.resolve("offline-store").toString().replace('\\', '/') + "/" + group
                + "-*/data/**/*.parquet";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT customer_id, max(event_time) FROM read_parquet('"
                     + glob + "') GROUP BY customer_id")) {
            while (rs.next()) {
                newest.put(rs.getString(1), rs.getString(2));
            }
        }
        assertEquals(IDS, newest.size());
        for (Map.Entry<String, String> e : newest.entrySet()) {
            OnlineRecord r = store.records().getRecord(group, e.getKey(), List.of("event_time")).orElseThrow(
                    () -> new AssertionError(group + ": " + e.getKey() + " has no online record"));
            assertEquals(e.getValue(), r.value("event_time"), group + ": online " + e.getKey());
        }
    }

    private record CliResult(int exitCode, String out, String err) {
    }

    private static CliResult cli(Path workspace, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = workspace.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(Workspace::open, p -> { }).execute(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Process startChild(Path workspace, KillPoint p, Path csv) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), IngestChild.class.getName(),
                workspace.toString(), p.group(), csv.toString(), p.milestone().name(), Integer.toString(p.nth()))
                .redirectErrorStream(true).start();
    }

    /** Ids c0…c999, one row per (id, event time) over 48 hours; {@code amount} numbers the rows. */
    private static void writeCsv(Path csv) throws IOException {
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        java.util.Set<String> versions = new java.util.HashSet<>();
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("customer_id,event_time,amount\n");
            int written = 0;
            while (written < ROWS) {
                String id = "c" + (written < IDS ? written : random.nextInt(IDS));
                String eventTime = start.plusSeconds(random.nextInt(48 * 3600)).toString();
                if (versions.add(id + "@" + eventTime)) {
                    w.write(id + "," + eventTime + "," + written + "\n");
                    written++;
                }
            }
        }
    }

    private static FeatureGroupDefinition definition(String name) {
        return new FeatureGroupDefinition(name, "customer_id", "event_time",
                List.of(new FeatureDefinition("customer_id", FeatureType.STRING),
                        new FeatureDefinition("event_time", FeatureType.STRING),
                        new FeatureDefinition("amount", FeatureType.INTEGRAL)),
                "", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED);
    }
}
