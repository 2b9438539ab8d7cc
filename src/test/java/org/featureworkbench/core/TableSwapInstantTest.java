package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.OnlineTableUnreadableException;
import org.featureworkbench.model.Record;
import org.featureworkbench.online.H2OnlineStore;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's ADD COLUMN puts its copy of a table in under the old name, and a statement prepared in
 * that instant finds no table. Gets, batch-gets and puts that meet the table missing for a moment
 * are done again after a pause, neither failed nor noted as damage; a table that stays missing is
 * reported after the pauses (ADR 0021 addendum 4). The instant is made longer here by renaming
 * the table away and back behind the store's back.
 */
class TableSwapInstantTest {
    @TempDir
    Path workspace;

    @Test
    void callsDuringTheSwapAreDoneAgainAndNotTakenForDamage() throws Exception {
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(Definitions.customers("customers"));
            store.records().putRecord("customers", customer("c1", "41"), Set.of(), null);
            String table = H2OnlineStore.tableName(store.describeFeatureGroup("customers"));

            sql("ALTER TABLE \"" + table + "\" RENAME TO \"AWAY\"");
            CompletableFuture<Void> back = renameBackIn(60, table);
            assertEquals(41L, store.records().getRecord("customers", "c1", null).orElseThrow().values().get("age"));
            back.get(5, TimeUnit.SECONDS);

            sql("ALTER TABLE \"" + table + "\" RENAME TO \"AWAY\"");
            back = renameBackIn(60, table);
            store.records().putRecord("customers", customer("c2", "42"), Set.of(), null);
            back.get(5, TimeUnit.SECONDS);

            sql("ALTER TABLE \"" + table + "\" RENAME TO \"AWAY\"");
            back = renameBackIn(60, table);
            var batch = store.records().batchGetRecord(List.of(new BatchGetIdentifier("customers", List.of("c1", "c2"),
                    null)));
            back.get(5, TimeUnit.SECONDS);
            assertEquals(2, batch.records().size(), batch.toString());

            assertEquals(42L, store.records().getRecord("customers", "c2", null).orElseThrow().values().get("age"));
            assertFalse(Files.exists(workspace.resolve("online").resolve("damage-seen.txt")),
                    "a table back within the pauses is not damage");
        }
    }

    @Test
    void aTableThatStaysMissingIsReportedAfterThePauses() throws Exception {
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(Definitions.customers("customers"));
            store.records().putRecord("customers", customer("c1", "41"), Set.of(), null);
            sql("DROP TABLE \"" + H2OnlineStore.tableName(store.describeFeatureGroup("customers")) + "\"");
            long start = System.nanoTime();
            OnlineTableUnreadableException e = assertThrows(OnlineTableUnreadableException.class,
                    () -> store.records().getRecord("customers", "c1", null));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.tableMissing());
            assertTrue(millis >= 300, "reported after the pauses: " + millis + " ms");
            assertTrue(Files.exists(workspace.resolve("online").resolve("damage-seen.txt")), "noted as damage");
        }
    }

    private static Record customer(String id, String age) {
        return Record.builder().put("customer_id", id).put("event_time", "2030-01-01T00:00:00Z").put("age", age).build();
    }

    private CompletableFuture<Void> renameBackIn(long millis, String table) {
        return CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(millis);
                sql("ALTER TABLE \"AWAY\" RENAME TO \"" + table + "\"");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(workspace), "fwb", "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
