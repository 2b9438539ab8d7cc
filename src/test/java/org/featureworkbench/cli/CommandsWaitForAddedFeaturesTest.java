package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.featureworkbench.testing.OnlineTableBehindTheStore;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest}, {@code put} and {@code delete} into a group whose features are being added wait
 * for the online table's copy and say so on stderr (ADR 0021 addenda 6 and 8). The copy is stood
 * for by the new column dropped behind the store's back and added again once the command says it
 * waits.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CommandsWaitForAddedFeaturesTest {
    @TempDir
    Path temp;

    @Test
    void anIngestMeetingATableBeingAlteredWaitsSaysSoAndFinishes() throws Exception {
        CliRunner cli = new CliRunner(temp);
        String table = customersWithSegmentNotInTheTable(cli);
        Path rows = cli.file("rows.csv", "customer_id,event_time,age,score\nc1,2030-01-01T00:00:00Z,41,0.5\n");

        CliRunner.Result ingest = runWhileTheColumnIsAddedBack(cli, table, "segment VARCHAR", "ingest", "customers",
                rows.toString());

        assertEquals(0, ingest.exitCode(), ingest.toString());
        assertTrue(ingest.err().contains("note: ingest ") && ingest.err().contains(" waits: features are being"
                + " added to feature group 'customers', and its online writes go on once the table has them"),
                ingest.toString());
        assertTrue(ingest.out().contains("online 1, offline 1"), ingest.toString());
        CliRunner.Result get = cli.run("get", "customers", "c1");
        assertTrue(get.out().contains("41"), get.toString());
    }

    @Test
    void aPutAndADeleteMeetingATableBeingAlteredWaitSaySoAndAreStored() throws Exception {
        CliRunner cli = new CliRunner(temp);
        String table = customersWithSegmentNotInTheTable(cli);

        CliRunner.Result put = runWhileTheColumnIsAddedBack(cli, table, "segment VARCHAR", "put", "customers", "--record",
                "{\"customer_id\":\"c1\",\"event_time\":\"2030-01-01T00:00:00Z\",\"age\":41,\"segment\":\"gold\"}");

        assertEquals(0, put.exitCode(), put.toString());
        assertTrue(put.err().contains("note: the put of record 'c1' waits: features are being added to feature group"
                + " 'customers', and it is done once the online table has them"), put.toString());
        CliRunner.Result get = cli.run("get", "customers", "c1");
        assertTrue(get.out().contains("gold"), get.toString());

        assertEquals(0, cli.run("group", "add-features", "customers", "--feature", "tier:Integral").exitCode());
        dropColumn(cli, table, "tier");
        CliRunner.Result delete = runWhileTheColumnIsAddedBack(cli, table, "tier BIGINT", "delete", "customers", "c1",
                "--event-time", "2030-02-01T00:00:00Z", "--hard");

        assertEquals(0, delete.exitCode(), delete.toString());
        assertTrue(delete.err().contains("note: the delete of record 'c1' waits: features are being added"),
                delete.toString());
        CliRunner.Result gone = cli.run("get", "customers", "c1");
        assertTrue(gone.out().contains("No record 'c1' in customers"), gone.toString());
    }

    /**
     * Runs the command; once it says it waits, {@code column} (name and SQL type) is added back
     * to the table from another session.
     */
    private static CliRunner.Result runWhileTheColumnIsAddedBack(CliRunner cli, String table, String column,
                                                                 String... args)
            throws Exception {
        CompletableFuture<Void> copyDone = new CompletableFuture<>();
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean alterStarted = new AtomicBoolean();
        CliRunner.Result result = cli.runWatchingStderr(stderr -> {
            if (stderr.contains("waits: features are being added") && started.compareAndSet(false, true)) {
                // the copy is put in place a moment later, from another session
                CompletableFuture.runAsync(() -> addColumnBack(table, column, cli.workspace, alterStarted, copyDone));
            }
        }, args);
        // Not copyDone.isDone(): the command may see the committed column before the ALTER's session has
        // closed and the future is completed.
        assertTrue(alterStarted.get(), "the command waited for the column: " + result);
        copyDone.get(30, TimeUnit.SECONDS);
        return result;
    }

    /** The customers group with the feature 'segment' in its definition and not (yet) in its online table. */
    private static String customersWithSegmentNotInTheTable(CliRunner cli) throws Exception {
        assertEquals(0, cli.createCustomers().exitCode());
        assertEquals(0, cli.run("group", "add-features", "customers", "--feature", "segment:String").exitCode());
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(cli.workspace), "fwb", "");
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE"
                     + " 'FWB_ONLINE_customers_%'")) {
            assertTrue(rs.next());
            String table = rs.getString(1);
            dropColumn(cli, table, "segment");
            return table;
        }
    }

    private static void dropColumn(CliRunner cli, String table, String column) {
        OnlineTableBehindTheStore.alter(cli.workspace, table, "DROP COLUMN \"" + column + "\"");
    }

    private static void addColumnBack(String table, String column, Path workspace, AtomicBoolean alterStarted,
                                      CompletableFuture<Void> done) {
        try {
            Thread.sleep(200);
            alterStarted.set(true);
            String[] nameAndType = column.split(" ");
            OnlineTableBehindTheStore.alter(workspace, table, "ADD COLUMN \"" + nameAndType[0] + "\" " + nameAndType[1]);
            done.complete(null);
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
    }
}
