package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.featureworkbench.writepath.WritePathGroups.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process serving the database dies while another keeps writing (ADR 0010): H2 in the killed
 * process held this process's last commits in memory (its write delay), so they are gone from the
 * database, yet they were acknowledged. The next write notices (the journal's mark in H2 is not
 * where this process left it), replays them from this process's journal, and goes on; nothing
 * acknowledged is missing online or offline.
 */
class ServingProcessKilledIT {
    private static final int BEFORE_KILL = 300;
    private static final int AFTER_KILL = 50;

    /** Kept when the test fails: the workspace's logs and journals show what the replay did. */
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path workspace;

    @Test
    void writesAcknowledgedBeforeTheServerDiedAreReplayed() throws Exception {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServingChild.class.getName(), workspace.toString())
                .redirectError(workspace.resolve("server.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("READY", out.readLine(), () -> "server failed: " + read(workspace.resolve("server.err")));

        try (FeatureStore store = Workspace.open(workspace)) {
            for (int i = 0; i < BEFORE_KILL; i++) {
                store.records().putRecord(CUSTOMERS, customer("c" + i, "2024-05-01T10:00:00Z", i, 0.5, "before"),
                        Set.of(TargetStore.ONLINE_STORE, TargetStore.OFFLINE_STORE), null);
            }
            server.toHandle().destroyForcibly(); // SIGKILL, within H2's write delay of the last puts
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));

            for (int i = BEFORE_KILL; i < BEFORE_KILL + AFTER_KILL; i++) {
                putWithRetry(store, i);
            }
            for (int i = 0; i < BEFORE_KILL + AFTER_KILL; i++) {
                var record = store.records().getRecord(CUSTOMERS, "c" + i, null);
                assertTrue(record.isPresent(), "acknowledged record c" + i + " is missing online; workspace kept: "
                        + workspace);
                assertEquals((long) i, record.get().value("age"));
            }
        }
        try (FeatureStore reopened = Workspace.open(workspace)) {
            assertEquals(BEFORE_KILL + AFTER_KILL, reopened.records().stats(CUSTOMERS).offline().rows(),
                    "every acknowledged put is offline exactly once");
            assertEquals(BEFORE_KILL + AFTER_KILL, reopened.records().stats(CUSTOMERS).onlineRecords());
        }
        String log = readLogs();
        assertTrue(log.contains("online writes of journal"), "the kill cost the database no commit, so the"
                + " replay went untested; the log:\n" + log.lines().filter(l -> l.contains("WARN")).toList());
    }

    /** The first write after the server died may meet the broken connection; the caller retries then. */
    private static void putWithRetry(FeatureStore store, int i) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                store.records().putRecord(CUSTOMERS, customer("c" + i, "2024-05-01T10:00:00Z", i, 0.5, "after"),
                        Set.of(TargetStore.ONLINE_STORE, TargetStore.OFFLINE_STORE), null);
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    private String readLogs() throws Exception {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(workspace.resolve("logs"))) {
            for (Path log : files.toList()) {
                sb.append(Files.readString(log, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
