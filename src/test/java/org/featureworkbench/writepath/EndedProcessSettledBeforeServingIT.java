package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 9: after a {@code kill -9}, the dead process's journal must be settled before
 * the next process serves a read or a write. Before, {@code Workspace.open} replayed it only at
 * the first tick: the first {@code get} returned an old version, and the late replay then wrote
 * the old entries over a put made meanwhile (on an equal event time the replayed one won).
 */
class EndedProcessSettledBeforeServingIT {
    private static final int VERSIONS = 200;
    private static final Instant BASE = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path workspace;

    static Record version(long age) {
        return WritePathGroups.customer("r", BASE.plusSeconds(Math.min(age, VERSIONS)).toString(), age, 0.5, "v" + age);
    }

    @Test
    void firstGetAfterAKillSeesTheNewestAcknowledgedPutAndANewerPutSurvives() throws Exception {
        try (FeatureStore setup = Workspace.open(workspace)) {
            setup.createFeatureGroup(WritePathGroups.customers());
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledWriterChild.class.getName(), workspace.toString(),
                Integer.toString(VERSIONS)).redirectError(workspace.resolve("child.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("DONE", out.readLine(), () -> read(workspace.resolve("child.err")));
        child.toHandle().destroyForcibly(); // SIGKILL inside H2's write delay of the last puts
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        try (FeatureStore store = Workspace.open(workspace)) {
            assertEquals((long) VERSIONS, age(store), "the very first get returns the newest acknowledged put");
            // Equal event time, later write: it wins online (ADR 0005) — unless a late replay
            // of the dead journal writes version VERSIONS over it again.
            store.records().putRecord(CUSTOMERS, version(999), Set.of(TargetStore.ONLINE_STORE,
                    TargetStore.OFFLINE_STORE), null);
            Thread.sleep(1_500); // past the first background tick
            assertEquals(999L, age(store), "the put made after opening stays");
        }
        try (FeatureStore reopened = Workspace.open(workspace)) {
            assertEquals(999L, age(reopened));
            assertEquals(VERSIONS + 1, reopened.records().stats(CUSTOMERS).offline().rows(),
                    "every acknowledged put is offline exactly once");
        }
        assertTrue(logs().contains("online writes of journal"), "the kill cost the database no commit, so the"
                + " replay went untested");
    }

    private static long age(FeatureStore store) {
        return (Long) store.records().getRecord(CUSTOMERS, "r", null).orElseThrow().value("age");
    }

    private String logs() throws Exception {
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
