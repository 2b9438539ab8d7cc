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
import java.util.Set;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.workspace.Workspace;
import org.featureworkbench.database.TornCommits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dead process's journal whose mark is torn (ADR 0010, addendum of 2026-12-05): the mark says
 * every write is in the file, but one row is not. Whoever settles the journal replays from the
 * dead owner's last disk barrier ({@link DurablePoint}), not from the mark: the lost row comes
 * back, and a row written before the barrier and deleted since stays deleted.
 */
class DeadJournalDurablePointTest {
    private static final Set<TargetStore> BOTH = Set.of(TargetStore.ONLINE_STORE, TargetStore.OFFLINE_STORE);
    private static final String DEAD = "DeadJournal00002";

    @TempDir
    Path ws;

    /** A mark ahead of the lost write, and the UNKNOWN mark a take-over of a killed owner's file leaves. */
    @ParameterizedTest
    @ValueSource(longs = {1_000_000, TornCommits.UNKNOWN_MARK})
    void aDeadJournalIsReplayedFromItsOwnersLastBarrierWhateverItsMarkSays(long mark) throws Exception {
        Path saved = ws.resolveSibling(ws.getFileName() + "-saved");
        try (FeatureStore store = Workspace.open(ws)) {
            store.createFeatureGroup(WritePathGroups.customers());
            put(store, 0);
            put(store, 1);
            store.records().flush(CUSTOMERS);
            for (int i = 2; i < 5; i++) {
                put(store, i);
            }
            JournalWaits.awaitSegmentDeleted(ws.resolve("journal"), "00000001.seg"); // a barrier, the durable point
            for (int i = 5; i < 10; i++) {
                put(store, i);
            }
            liveJournal = copyLiveJournal(saved);
            JournalWaits.awaitDurablePoint(liveJournal);
        }
        // The tick's barrier came at some point after the flush; the test puts it right after c4.
        DurablePoint.write(saved, seqOf(saved, "c4"));
        Files.move(saved, ws.resolve("journal").resolve(DEAD));
        Files.createFile(ws.resolve("journal").resolve(DEAD + ".lock"));
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(ws), "fwb", "")) {
            String table = '"' + onlineTableName(c) + '"';
            deleteRow(c, table, "c3"); // before the barrier: deleted since, must stay deleted
            deleteRow(c, table, "c7"); // after it: lost although the mark below says it is there
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO FWB_JOURNAL VALUES (?, ?)")) {
                ps.setString(1, DEAD);
                ps.setLong(2, mark);
                assertEquals(1, ps.executeUpdate());
            }
        }

        try (FeatureStore store = Workspace.open(ws)) { // settles the dead journal before serving
            assertTrue(store.records().getRecord(CUSTOMERS, "c7", null).isPresent(), "replayed from the barrier");
            assertFalse(store.records().getRecord(CUSTOMERS, "c3", null).isPresent(), "not replayed from before it");
            assertFalse(Files.exists(ws.resolve("journal").resolve(DEAD)), "settled and removed, durable point too");
        }
    }

    private static long seqOf(Path journal, String recordId) throws Exception {
        for (JournalEntry e : JournalSegments.read(journal.resolve("00000002.seg"))) {
            if (e.kind() == JournalEntry.Kind.PUT && recordId.equals(e.values().get("customer_id"))) {
                return e.seq();
            }
        }
        throw new AssertionError(recordId + " is not in segment 2");
    }

    private Path liveJournal;

    private Path copyLiveJournal(Path target) throws Exception {
        Path live;
        try (Stream<Path> s = Files.list(ws.resolve("journal"))) {
            live = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Files.createDirectories(target);
        // Segments only: the durable point is written below (the tick may be renaming it right now).
        for (Path segment : JournalSegments.list(live)) {
            Files.copy(segment, target.resolve(segment.getFileName()));
        }
        return live;
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

    private static String onlineTableName(Connection c) throws Exception {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_NAME LIKE 'FWB_ONLINE_customers%'")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
