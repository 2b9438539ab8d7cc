package org.featureworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.testing.KilledWorkspaces;
import org.featureworkbench.writepath.WritePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KillAtRandomPointsIT, 2026-12-05, round 5 (src/test/resources/h2-torn-index): a child killed
 * mid-ingest on a loaded box left the 'expiring' table's indexes with entries for two rows its
 * row map lacked. Every opening then failed replaying the dead journal ("could not write record
 * 'e5_9' … another command held the rows"), however often it was tried. It must open, settle the
 * journal, and take writes of those records.
 */
class TornIndexFirstOpeningTest {
    @TempDir
    Path temp;

    @Test
    void aWorkspaceWhoseIndexesAKillStoredTornFromTheirRowsOpensAndTakesWritesOfTheirRecords() throws Exception {
        Path workspace = KilledWorkspaces.unpack("h2-torn-index", temp.resolve("ws"));

        try (FeatureStore store = Workspace.open(workspace)) {
            assertFalse(WritePath.hasJournalsOfEndedProcesses(workspace), "the dead journal was settled");
            for (String id : new String[] {"e5_9", "e5_10"}) {
                store.records().putRecord("expiring", Record.builder().put("customer_id", id)
                        .put("event_time", "2030-01-01T00:00:00Z").put("age", "7").build(),
                        Set.of(TargetStore.ONLINE_STORE), null);
                assertEquals(7L, store.records().getRecord("expiring", id, null).orElseThrow().value("age"), id);
            }
            assertFalse(store.health().check().damaged(), store.health().check().findings().toString());
        }
        StringBuilder logs = new StringBuilder();
        try (var files = Files.list(workspace.resolve("logs"))) {
            for (Path log : files.toList()) {
                logs.append(Files.readString(log));
            }
        }
        assertTrue(logs.toString().contains("Repaired the indexes of"), "the repair is logged");
    }
}
