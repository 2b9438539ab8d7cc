package org.featureworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.writepath.WritePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a workspace after a process that used it was killed (src/test/resources/h2-killed-writer). */
class UncleanEndCompactionTest {
    @TempDir
    Path workspace;

    @Test
    void aRowLockTheKilledProcessLeftInTheDatabaseDoesNotBlockTheNextWriteOfThatRow() throws IOException {
        Files.createDirectories(workspace.resolve("online"));
        try (InputStream db = getClass().getResourceAsStream("/h2-killed-writer/workbench.mv.db")) {
            Files.copy(db, workspace.resolve("online").resolve("workbench.mv.db"));
        }
        // What the killed process also left: its record journal, no longer locked by anyone.
        Path journal = workspace.resolve("journal");
        Files.createDirectories(journal.resolve("KilledProcess0001"));
        Files.createFile(journal.resolve("KilledProcess0001.lock"));
        assertTrue(WritePath.hasJournalsOfEndedProcesses(workspace));

        // Without the compaction the put below spins forever on r4's stale lock.
        OnlineRecord r4 = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (FeatureStore store = Workspace.open(workspace)) {
                store.records().putRecord("customers", Record.builder().put("customer_id", "r4")
                        .put("event_time", "2030-01-01T00:00:00Z").put("age", "42").build(),
                        Set.of(TargetStore.ONLINE_STORE), null);
                store.records().flush(null);
                return store.records().getRecord("customers", "r4", null).orElseThrow();
            }
        });
        assertEquals(42L, r4.value("age"));
        assertFalse(WritePath.hasJournalsOfEndedProcesses(workspace), "the dead journal was settled");
        String log = Files.readString(Files.list(workspace.resolve("logs")).findFirst().orElseThrow());
        assertTrue(log.contains("ended without closing it; compacted its database"), "the compaction is logged");
    }

    @Test
    void aCleanlyClosedWorkspaceIsNotCompacted() throws IOException {
        try (FeatureStore store = Workspace.open(workspace)) {
            assertFalse(WritePath.hasJournalsOfEndedProcesses(workspace), "a live process's own journal is not dead");
        }
        try (FeatureStore store = Workspace.open(workspace)) {
            assertFalse(WritePath.hasJournalsOfEndedProcesses(workspace));
        }
        String log = Files.readString(Files.list(workspace.resolve("logs")).findFirst().orElseThrow());
        assertFalse(log.contains("compacted its database"), log);
    }
}
