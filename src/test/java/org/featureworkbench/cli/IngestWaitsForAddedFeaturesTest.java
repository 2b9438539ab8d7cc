package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.database.WaitNotices;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest} into a group whose features are being added waits for the online table's copy
 * and says so on stderr (ADR 0021 addendum 6). The copy is stood for by the new column dropped
 * behind the store's back and added again once the ingest says it waits.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IngestWaitsForAddedFeaturesTest {
    @TempDir
    Path temp;

    @Test
    void anIngestMeetingATableBeingAlteredWaitsSaysSoAndFinishes() throws Exception {
        CliRunner cli = new CliRunner(temp);
        assertEquals(0, cli.createCustomers().exitCode());
        assertEquals(0, cli.run("group", "add-features", "customers", "--feature", "segment:String").exitCode());
        String table = "FWB_ONLINE_customers_";
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(cli.workspace), "fwb", "");
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE '"
                     + table + "%'")) {
            assertTrue(rs.next());
            table = rs.getString(1);
            s.execute("ALTER TABLE \"" + table + "\" DROP COLUMN \"segment\"");
        }
        Path rows = cli.file("rows.csv", "customer_id,event_time,age,score\nc1,2030-01-01T00:00:00Z,41,0.5\n");

        String altered = table;
        CompletableFuture<Void> copyDone = new CompletableFuture<>();
        try (AutoCloseable notices = WaitNotices.subscribe(message -> {
            if (message.contains("waits: features are being added") && !copyDone.isDone()) {
                // the copy is put in place a moment later, from another session
                CompletableFuture.runAsync(() -> addColumnBack(altered, cli.workspace, copyDone));
            }
        })) {
            CliRunner.Result ingest = cli.run("ingest", "customers", rows.toString());

            assertEquals(0, ingest.exitCode(), ingest.toString());
            assertTrue(copyDone.isDone(), "the ingest waited for the column");
            assertTrue(ingest.err().contains("note: ingest ") && ingest.err().contains(" waits: features are being"
                    + " added to feature group 'customers', and its online writes go on once the table has them"),
                    ingest.toString());
            assertTrue(ingest.out().contains("online 1, offline 1"), ingest.toString());
        }
        CliRunner.Result get = cli.run("get", "customers", "c1");
        assertTrue(get.out().contains("41"), get.toString());
    }

    private static void addColumnBack(String table, Path workspace, CompletableFuture<Void> done) {
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(workspace), "fwb", "");
             Statement s = c.createStatement()) {
            Thread.sleep(200);
            s.execute("ALTER TABLE \"" + table + "\" ADD COLUMN \"segment\" VARCHAR");
            done.complete(null);
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
    }
}
