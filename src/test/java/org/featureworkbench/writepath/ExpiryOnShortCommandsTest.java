package org.featureworkbench.writepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: expired rows stayed in H2 for good on a workspace used only by short commands, which
 * end before the background purge starts ({@link WritePath#PURGE_START_DELAY}). Each close now
 * that publishes offline rows anyway purges a bounded share ({@link WritePath#PURGE_AT_CLOSE}): a
 * run of short put commands empties the table, no close purging more than its share; a get alone
 * purges nothing.
 */
class ExpiryOnShortCommandsTest {
    private static final String GROUP = "customers";
    private static final int EXPIRED = WritePath.PURGE_AT_CLOSE * 2 + 50;
    private static final int FRESH = 5;

    @TempDir
    Path workspace;

    @Test
    void shortCommandsPurgeExpiredRowsABoundedShareAtATime() throws Exception {
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(WritePathGroups.customers(
                    new OnlineStoreConfig(true, new TtlDuration(TtlUnit.HOURS, 1)), OfflineStoreConfig.ENABLED));
        }
        int[] left = new int[1];
        // Puts of rows whose event time plus TTL is long past: expired at once (reads hide them).
        try (FeatureStore store = Workspace.open(workspace)) {
            Set<TargetStore> both = Set.of(TargetStore.ONLINE_STORE, TargetStore.OFFLINE_STORE);
            for (int i = 0; i < EXPIRED; i++) {
                store.records().putRecord(GROUP, WritePathGroups.customer("old" + i,
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i).toString(), i, 0, "c"), both, null);
            }
            for (int i = 0; i < FRESH; i++) {
                store.records().putRecord(GROUP, WritePathGroups.customer("new" + i,
                        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), i, 0, "c"), both, null);
            }
            assertFalse(store.records().getRecord(GROUP, "old0", null).isPresent(), "reads hide expired rows");
        }
        // That command's own close purged its share already; the rest goes in the next ones.
        List<Integer> rowsAfterEachClose = new ArrayList<>();
        rowsAfterEachClose.add(onlineRows());
        assertTrue(rowsAfterEachClose.get(0) > FRESH, "a bounded share only: " + rowsAfterEachClose);
        try (FeatureStore store = Workspace.open(workspace)) {
            assertTrue(store.records().getRecord(GROUP, "new0", null).isPresent()); // a get alone
        }
        assertEquals(rowsAfterEachClose.get(0), onlineRows(),
                "a command that publishes nothing offline does not purge (no Parquet write for the markers alone)");
        int puts = 0;
        for (int cycle = 0; cycle < 30 && rowsAfterEachClose.get(rowsAfterEachClose.size() - 1) > FRESH; cycle++) {
            try (FeatureStore store = Workspace.open(workspace)) { // a short command: one put
                store.records().putRecord(GROUP, WritePathGroups.customer("new0",
                        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), cycle, 0, "c"),
                        Set.of(TargetStore.ONLINE_STORE, TargetStore.OFFLINE_STORE), null);
                puts++;
            }
            rowsAfterEachClose.add(onlineRows());
        }
        assertEquals(FRESH, rowsAfterEachClose.get(rowsAfterEachClose.size() - 1),
                "every expired row left H2, the fresh ones stay: " + rowsAfterEachClose);
        int previous = EXPIRED + FRESH;
        for (int rows : rowsAfterEachClose) {
            assertTrue(previous - rows <= WritePath.PURGE_AT_CLOSE,
                    "no close purges more than its share: " + rowsAfterEachClose);
            previous = rows;
        }
        try (FeatureStore store = Workspace.open(workspace)) {
            // SageMaker's delete marker for each purged record, published by the closing flush.
            assertEquals(2L * EXPIRED + FRESH + puts, store.records().stats(GROUP).offline().rows(),
                    "each expired record has its put and its TTL delete marker offline");
        }
    }

    private int onlineRows() throws Exception {
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(workspace), "fwb", "");
             Statement s = c.createStatement();
             ResultSet tables = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_NAME LIKE 'FWB_ONLINE_customers%'")) {
            assertTrue(tables.next());
            String table = tables.getString(1);
            try (Statement count = c.createStatement();
                 ResultSet rs = count.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
