package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} and {@code repair}: exit codes and what a user reads. */
class CheckRepairCommandsTest {
    @TempDir
    Path temp;
    private CliRunner cli;

    @BeforeEach
    void createGroupWithRecords() {
        cli = new CliRunner(temp);
        assertEquals(0, cli.createCustomers().exitCode());
        for (int i = 0; i < 5; i++) {
            CliRunner.Result put = cli.run("put", "customers", "--record", "{\"customer_id\":\"c" + i
                    + "\",\"event_time\":\"2030-01-01T00:00:0" + i + "Z\",\"age\":\"" + (30 + i) + "\"}");
            assertEquals(0, put.exitCode(), put.toString());
        }
        assertEquals(0, cli.run("flush").exitCode());
    }

    @Test
    void aHealthyWorkspaceChecksCleanWithExitZero() {
        CliRunner.Result check = cli.run("check");
        assertEquals(0, check.exitCode(), check.toString());
        assertTrue(check.out().contains("No damage found."), check.out());
        assertTrue(check.out().contains("1 definition file, "), check.out());
    }

    @Test
    void aDroppedOnlineTableIsReportedAtEveryOpenUntilRepaired() throws Exception {
        sql("DROP TABLE \"" + onlineTable() + "\"");

        CliRunner.Result list = cli.run("group", "list");
        assertTrue(list.err().contains("warning: the online table of feature group 'customers' is missing"), list.err());

        // Reads fail rather than answer "no such record" or "busy, retry".
        for (String[] read : new String[][] {{"get", "customers", "c3"}, {"batch-get", "customers:c3,c4"},
                {"list-records", "customers"}}) {
            CliRunner.Result r = cli.run(read);
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(r.err().contains("the online table of feature group 'customers' is missing from the workspace "
                    + "database, so its online records cannot be read or written; run 'feature-workbench check'"), r.err());
            assertFalse(r.err().contains("SQL statement"), r.err());
            assertFalse(r.err().contains("retry"), r.err());
        }

        CliRunner.Result check = cli.run("check");
        assertEquals(3, check.exitCode(), check.toString());
        assertTrue(check.out().contains("DAMAGE  the online table of feature group 'customers' is missing"), check.out());
        assertTrue(check.out().contains("What to do:    run 'feature-workbench repair'"), check.out());

        CliRunner.Result repair = cli.run("repair");
        assertEquals(0, repair.exitCode(), repair.toString());
        assertTrue(repair.out().contains("Repaired: rebuilt the online table of 'customers' from its offline store: 5 records"),
                repair.out());
        assertTrue(repair.out().contains("No damage found."), repair.out());

        CliRunner.Result get = cli.run("get", "customers", "c3");
        assertEquals(0, get.exitCode(), get.toString());
        assertTrue(get.out().contains("33"), get.out());
        assertEquals("", cli.run("group", "list").err());
    }

    @Test
    void aDatabaseThatCannotBeOpenedFailsEveryCommandUntilRepaired() throws Exception {
        Path file = cli.workspace.resolve("online").resolve("workbench.mv.db");
        byte[] noise = new byte[(int) Files.size(file)];
        new Random(7).nextBytes(noise);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(noise);
        }
        CliRunner.Result list = cli.run("group", "list");
        assertEquals(1, list.exitCode());
        assertTrue(list.err().startsWith("error: the workspace database " + file + " is damaged and cannot be opened; run "
                + "'feature-workbench check'"), list.err());
        assertFalse(list.err().contains("Exception"), list.err());

        CliRunner.Result check = cli.run("check");
        assertEquals(3, check.exitCode(), check.toString());
        assertTrue(check.out().contains("no database (it cannot be opened)"), check.out());

        CliRunner.Result repair = cli.run("repair");
        assertEquals(0, repair.exitCode(), repair.toString());
        assertTrue(repair.out().contains("Repaired: restored feature group 'customers' in the catalog"), repair.out());
        assertTrue(repair.out().contains("Moved aside: " + file + " → "), repair.out());

        assertEquals(0, cli.run("check").exitCode());
        assertTrue(cli.run("get", "customers", "c4").out().contains("34"));
    }

    private String onlineTable() throws Exception {
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(cli.workspace), "fwb", "");
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'FWB_ONLINE_customers_%'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(cli.workspace), "fwb", "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
