package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.Main;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.testing.OfflineFiles;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: killing the process mid-ingest leaves both stores consistent — only whole Parquet
 * files are visible, the online store holds only versions already published offline and never
 * goes back to an older one — and continuing it converges. Since a plain re-run of an
 * interrupted ingest's file is refused (ADR 0020 addendum), each later start resumes the
 * interrupted job, as the refusal tells a user to.
 */
class IngestCrashIT {
    private static final int ROWS = 150_000;
    private static final int IDS = 15_000;
    private static final String GROUP = "events";

    @TempDir
    Path dir;

    @Test
    void aKilledIngestLeavesBothStoresConsistentAndARerunConverges() throws Exception {
        Path workspace = dir.resolve("ws");
        Path csv = dir.resolve("events.csv");
        Map<String, String> newestPerId = writeCsv(csv);
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(definition());
        }
        Map<String, String> onlineBefore = new HashMap<>();
        Random random = new Random(7);
        int killedMidIngest = 0;
        for (int kill = 0; kill < 3; kill++) {
            Process child = startIngest(workspace, csv);
            Thread.sleep(800 + random.nextInt(2500));
            killedMidIngest += child.isAlive() ? 1 : 0;
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertConsistent(workspace, onlineBefore);
        }
        assertTrue(killedMidIngest > 0, "at least one SIGKILL hit a running ingest");

        Process rerun = startIngest(workspace, csv);
        assertTrue(rerun.waitFor(120, TimeUnit.SECONDS), "the re-run finishes");
        assertEquals(0, rerun.exitValue(), Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8));
        Map<String, String> online = assertConsistent(workspace, onlineBefore);
        assertEquals(newestPerId, online, "after a full run the online store holds the newest version of every id");
        assertTrue(OfflineFiles.rows(workspace, GROUP) >= ROWS, "every row of the file is in the offline store");
        assertEquals(ROWS, OfflineFiles.scalar(workspace, GROUP,
                "SELECT count(*) FROM (SELECT DISTINCT customer_id, event_time, amount FROM t)"),
                "the distinct versions offline are exactly the file's rows (re-runs add only duplicates)");
    }

    /** Reopens the workspace and checks the invariants; returns the online event time per id. */
    private Map<String, String> assertConsistent(Path workspace, Map<String, String> onlineBefore) throws Exception {
        Set<String> published = publishedVersions(workspace); // DuckDB fails on any partial file
        Map<String, String> online = new HashMap<>();
        try (FeatureStore store = Workspace.open(workspace)) {
            for (int i = 0; i < IDS; i++) {
                String id = "c" + i;
                Optional<OnlineRecord> r = store.records().getRecord(GROUP, id, List.of("event_time"));
                if (r.isPresent()) {
                    String eventTime = (String) r.get().value("event_time");
                    online.put(id, eventTime);
                    assertTrue(published.contains(id + "@" + eventTime),
                            "online version " + id + "@" + eventTime + " is published offline");
                    String before = onlineBefore.get(id);
                    assertTrue(before == null || eventTime.compareTo(before) >= 0,
                            id + " went back from " + before + " to " + eventTime);
                }
            }
        }
        try (var files = Files.walk(workspace.resolve("offline-store"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                    "reopening removed every unpublished temporary file");
        }
        onlineBefore.putAll(online);
        return online;
    }

    private static Set<String> publishedVersions(Path workspace) throws Exception {
        Set<String> versions = new HashSet<>();
        if (OfflineFiles.files(workspace, GROUP) == 0) {
            return versions;
        }
        String glob = workspace.resolve("offline-store").toString().replace('\\', '/') + "/" + GROUP
                + "-*/data/**/*.parquet";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT customer_id, event_time FROM read_parquet('" + glob + "')")) {
            while (rs.next()) {
                versions.add(rs.getString(1) + "@" + rs.getString(2));
            }
        }
        return versions;
    }

    private Process startIngest(Path workspace, Path csv) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--workspace", workspace.toString(), "ingest"));
        command.addAll(resumeOrFile(workspace, csv));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                .start();
    }

    /** {@code --resume JOB} of the interrupted ingest when there is one (a kill left it), else the file. */
    private static List<String> resumeOrFile(Path workspace, Path csv) {
        try (FeatureStore store = Workspace.open(workspace)) {
            List<org.featureworkbench.core.IngestJobRecord> interrupted = store.ingest().interruptedJobs();
            return interrupted.isEmpty() ? List.of(GROUP, csv.toString())
                    : List.of("--resume", interrupted.get(0).id());
        }
    }

    /** Writes ids c0…c14999 with event times over 48 hours; returns the newest event time per id. */
    private static Map<String, String> writeCsv(Path csv) throws IOException {
        Map<String, String> newest = new HashMap<>();
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Set<String> versions = new HashSet<>();
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("customer_id,event_time,amount\n");
            int written = 0;
            while (written < ROWS) {
                String id = "c" + random.nextInt(IDS);
                String eventTime = start.plusSeconds(random.nextInt(48 * 3600)).toString();
                if (!versions.add(id + "@" + eventTime)) {
                    continue; // one row per version keeps "distinct versions = rows" exact
                }
                w.write(id + "," + eventTime + "," + random.nextInt(1000) + "\n");
                newest.merge(id, eventTime, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                written++;
            }
        }
        return newest;
    }

    private static FeatureGroupDefinition definition() {
        return new FeatureGroupDefinition(GROUP, "customer_id", "event_time",
                List.of(new FeatureDefinition("customer_id", FeatureType.STRING),
                        new FeatureDefinition("event_time", FeatureType.STRING),
                        new FeatureDefinition("amount", FeatureType.INTEGRAL)),
                "", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED);
    }
}
