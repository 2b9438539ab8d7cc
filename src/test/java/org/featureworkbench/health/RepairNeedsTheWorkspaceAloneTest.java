package org.featureworkbench.health;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.database.ProcessInfo;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repair rebuilds tables and may set the database file aside: never while another process has the workspace open. */
class RepairNeedsTheWorkspaceAloneTest {
    @TempDir
    Path dir;

    @Test
    void repairNamesTheOtherProcessAndChangesNothing() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            ProcessHandle handle = other.toHandle();
            Instant started = handle.info().startInstant().orElseThrow();
            Path journals = Files.createDirectories(dir.resolve("journal"));
            // What a live CLI process leaves beside its journal lock (ADR 0016).
            new ProcessInfo(handle.pid(), started, "put customers --record-file big.jsonl")
                    .writeTo(journals.resolve("other" + ProcessInfo.SUFFIX));
            try (FeatureStore store = Workspace.open(dir)) {
                FeatureStoreException inPlace = assertThrows(FeatureStoreException.class, () -> store.health().repair());
                assertTrue(inPlace.getMessage().contains("process " + handle.pid() + " (put customers --record-file big.jsonl"),
                        inPlace.getMessage());
            }
            FeatureStoreException newFile = assertThrows(FeatureStoreException.class,
                    () -> HealthOperations.repairWithNewDatabase(dir));
            assertTrue(newFile.getMessage().contains("needs the workspace to itself"), newFile.getMessage());
            assertTrue(Files.exists(dir.resolve("online").resolve("workbench.mv.db")), "the database file was not set aside");
        } finally {
            other.destroyForcibly();
        }
    }
}
