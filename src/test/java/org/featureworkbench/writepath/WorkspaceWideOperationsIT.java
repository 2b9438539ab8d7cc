package org.featureworkbench.writepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, findings 8, 11 and 12, with real child JVMs ({@link WorkspaceScriptChild}): a
 * workspace-wide operation (compaction, group deletion) acts on every process's acknowledged rows
 * and holds a lock other processes see (ADR 0017).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorkspaceWideOperationsIT {
    @TempDir
    Path workspace;

    @Test
    void aProcessKilledRightAfterACompactionLeavesEveryRowOfflineExactlyOnce() throws Exception {
        // Finding 8: compaction used to merge the file carrying a published segment's token while
        // the segment stayed; the next process published the segment again (2,001 rows for 1,001 puts).
        createGroup();
        // The compaction's own flush publishes the second segment, and the kill comes before a tick deletes it.
        ScriptChild child = ScriptChild.start(workspace, "put:0:500", "flush", "put:500:501", "compact", "halt");
        child.awaitExit();
        assertTrue(child.saw("OK compact"), child.output());

        try (FeatureStore next = Workspace.open(workspace)) {
            next.records().flush(WritePathGroups.CUSTOMERS); // settles the killed process's journal
            assertEquals(1001, next.records().stats(WritePathGroups.CUSTOMERS).offline().rows());
            assertEquals(1001L, distinctIds(next));
        }
    }

    @Test
    void aSecondCompactionWaitsForTheFirstAndNamesIt() throws Exception {
        // Finding 12: two compactions of one group in two processes duplicated rows or failed.
        FeatureGroup group;
        try (FeatureStore store = Workspace.open(workspace)) {
            group = store.createFeatureGroup(WritePathGroups.customers());
            for (int from = 0; from < 900; from += 300) { // three files in each hour partition
                WorkspaceScriptChild.put(store.records(), from, 300);
                store.records().flush(WritePathGroups.CUSTOMERS);
            }
        }
        ScriptChild compactor;
        try (WorkspaceLock held = WorkspaceLock.acquire(workspace, group.offlineFolderName(), "test holding the lock",
                m -> { })) {
            compactor = ScriptChild.start(workspace, "compact");
            String wait = compactor.await(line -> line.startsWith("WAIT "));
            assertTrue(wait.contains("process " + ProcessHandle.current().pid()) && wait.contains("test holding the lock"),
                    wait);
            assertTrue(!compactor.saw("OK compact"), "compacted while another process held the lock");
        }
        ScriptChild other = ScriptChild.start(workspace, "compact");
        compactor.awaitExit();
        other.awaitExit();
        assertTrue(compactor.saw("OK compact"), compactor.output());
        assertTrue(other.saw("OK compact"), other.output());
        try (FeatureStore store = Workspace.open(workspace)) {
            var stats = store.records().stats(WritePathGroups.CUSTOMERS).offline();
            assertEquals(900, stats.rows());
            assertEquals(stats.partitions(), stats.files(), "one file per partition");
            assertEquals(900L, distinctIds(store));
        }
    }

    @Test
    void deletingAGroupKeepsEveryRowAnotherProcessAcknowledged() throws Exception {
        // Finding 11: the delete flushed only its own journal; the other process's flush then found
        // no group and dropped its acknowledged rows.
        createGroup();
        ScriptChild writer = ScriptChild.start(workspace, "put-until-fails:0");
        writer.await(line -> line.equals("PROGRESS 1000"));
        Path kept;
        try (FeatureStore store = Workspace.open(workspace)) {
            FeatureGroup deleted = store.deleteFeatureGroup(WritePathGroups.CUSTOMERS, false, m -> { });
            kept = store.offlineStoreDirectory().resolve(deleted.offlineFolderName());
            // Right after the delete returned: what the writer had acknowledged when it asked is there.
            assertTrue(rowsIn(kept) >= 1000, "rows in the kept files right after the delete: " + rowsIn(kept));
        }
        writer.awaitExit();
        String acked = writer.await(line -> line.startsWith("ACKED "));
        long acknowledged = Long.parseLong(acked.split(" ")[1]);
        assertEquals(acknowledged, rowsIn(kept), writer.output());
        assertEquals(acknowledged, distinctIdsIn(kept));
    }

    private void createGroup() {
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(WritePathGroups.customers());
        }
    }

    private static long distinctIds(FeatureStore store) {
        return distinctIdsIn(store.offlineStoreDirectory().resolve(
                store.describeFeatureGroup(WritePathGroups.CUSTOMERS).offlineFolderName()));
    }

    private static long rowsIn(Path groupFolder) throws SQLException {
        return duckDbCount(groupFolder, "count(*)");
    }

    private static long distinctIdsIn(Path groupFolder) {
        try {
            return duckDbCount(groupFolder, "count(DISTINCT customer_id)");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long duckDbCount(Path groupFolder, String aggregate) throws SQLException {
        if (!Files.isDirectory(groupFolder.resolve("data"))) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + aggregate + " FROM read_parquet('"
                     + groupFolder.resolve("data").toString().replace('\\', '/') + "/**/*.parquet')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
