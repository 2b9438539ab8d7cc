package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.featureworkbench.writepath.WritePathGroups.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.database.TornCommits;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live process's journal after a torn commit was found (ADR 0010, addendum of 2026-12-05): its
 * mark says {@link TornCommits#UNKNOWN_MARK}, and a row it wrote after its last disk barrier is
 * missing although the mark had passed it (the CI failure: "acknowledged record c288 is missing
 * online"). The next write replays every write since that barrier, and none before it: a row
 * deleted since by someone else (here: by hand, standing for another process's hard delete)
 * stays deleted, although its write is still in the journal.
 */
class TornCommitReplayTest {
    private static final Set<TargetStore> BOTH = Set.of(TargetStore.ONLINE_STORE, TargetStore.OFFLINE_STORE);

    @TempDir
    Path ws;

    @Test
    void anUnknownMarkReplaysTheWritesSinceTheLastBarrierOnly() throws Exception {
        try (FeatureStore store = Workspace.open(ws)) {
            store.createFeatureGroup(WritePathGroups.customers());
            put(store, 0);
            put(store, 1);
            store.records().flush(CUSTOMERS); // publishes segment 1; c2.. go into segment 2
            for (int i = 2; i < 5; i++) {
                put(store, i);
            }
            // The background tick deletes the published segment 1 after a disk barrier, which is
            // then after c4; c2..c4 stay in the journal (segment 2), already on disk.
            awaitDeleted(ws.resolve("journal"), "00000001.seg");
            for (int i = 5; i < 10; i++) {
                put(store, i);
            }
            try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(ws), "fwb", "")) {
                String table = onlineTable(c);
                deleteRow(c, table, "c3"); // before the barrier: gone for another reason, must stay gone
                deleteRow(c, table, "c7"); // after it: the torn commit
                try (Statement s = c.createStatement()) {
                    assertEquals(1, s.executeUpdate("UPDATE " + TornCommits.JOURNAL_TABLE + " SET APPLIED_SEQ = "
                            + TornCommits.UNKNOWN_MARK));
                }
            }

            put(store, 10);

            assertTrue(store.records().getRecord(CUSTOMERS, "c7", null).isPresent(),
                    "the write after the last barrier was replayed");
            assertEquals(7L, store.records().getRecord(CUSTOMERS, "c7", null).orElseThrow().value("age"));
            assertFalse(store.records().getRecord(CUSTOMERS, "c3", null).isPresent(),
                    "a write before the last barrier was on disk whole: not replayed over a later delete");
            assertTrue(store.records().getRecord(CUSTOMERS, "c10", null).isPresent());
        }
    }

    private static void awaitDeleted(Path journal, String segment) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (segmentExists(journal, segment)) {
            assertTrue(System.currentTimeMillis() < deadline, "the tick settled the published segment");
            Thread.sleep(20);
        }
    }

    private static boolean segmentExists(Path journal, String segment) throws Exception {
        try (Stream<Path> files = Files.walk(journal)) {
            return files.anyMatch(f -> f.getFileName().toString().equals(segment));
        }
    }

    private static void put(FeatureStore store, int i) {
        store.records().putRecord(CUSTOMERS, customer("c" + i, "2024-05-01T10:00:00Z", i, 0.5, "x"), BOTH, null);
    }

    private static void deleteRow(Connection c, String table, String id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE \"customer_id\" = ?")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static String onlineTable(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM"
                + " INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'FWB_ONLINE_customers%'")) {
            assertTrue(rs.next());
            return '"' + rs.getString(1) + '"';
        }
    }
}
