package org.featureworkbench.offline;

import static org.featureworkbench.offline.OfflineTestGroups.customers;
import static org.featureworkbench.offline.OfflineTestGroups.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two offline store objects on one workspace (as two processes have): a journal publish or an
 * ingest publish that comes after the other one purged the group folder publishes nothing and
 * recreates nothing (ADR 0017, addendum).
 */
class PurgeGuardTest {
    @TempDir
    Path workspace;

    private ParquetOfflineStore store() {
        return new ParquetOfflineStore(workspace.resolve("offline-store"), workspace.resolve("locks"));
    }

    @Test
    void aJournalPublishAfterAnotherProcessPurgedTheFolderIsRefused() {
        ParquetOfflineStore deleting = store();
        ParquetOfflineStore late = store();
        FeatureGroup group = customers(FeatureType.STRING);
        late.append(group, rows(group, "a", 10, 2));
        Path folder = late.groupDirectory(group);
        assertTrue(Files.isDirectory(folder));
        assertFalse(late.wasPurged(group.offlineFolderName()));

        deleting.purge(group);

        assertTrue(late.wasPurged(group.offlineFolderName()), "every process sees the purge");
        GroupFolderPurgedException refused = assertThrows(GroupFolderPurgedException.class,
                () -> late.appendOnce(group, rows(group, "b", 10, 2), "Tok3nAbCdEfGhIjK"));
        assertTrue(refused.getMessage().contains("'" + group.name() + "' was deleted with its offline files"),
                refused.getMessage());
        assertFalse(Files.exists(folder), "the refused publish recreated the folder");
    }

    @Test
    void anIngestWritingWhileTheFolderIsPurgedRemovesWhatItWroteAtItsPublish() throws Exception {
        ParquetOfflineStore deleting = store();
        ParquetOfflineStore ingesting = store();
        FeatureGroup group = customers(FeatureType.STRING);
        Path folder = ingesting.groupDirectory(group);
        try (OfflineBulkAppend bulk = ingesting.openBulkAppend(group, OfflineTestGroups.API_TIME)) {
            addAll(bulk, group, "a");
            assertEquals(50, bulk.publish().rows());
            addAll(bulk, group, "b");
            deleting.purge(group);
            assertFalse(Files.exists(folder));

            assertThrows(GroupFolderPurgedException.class, bulk::publish);
        }
        assertFalse(Files.exists(folder), "the ingest's files of its refused publish are gone with the folder");
    }

    private static void addAll(OfflineBulkAppend bulk, FeatureGroup group, String prefix) {
        for (OfflineRow r : rows(group, prefix, 50, 3)) {
            bulk.add(group.features().stream().map(f -> r.value(f.name())).toArray(), r.eventTime().toEpochMilli());
        }
    }
}
