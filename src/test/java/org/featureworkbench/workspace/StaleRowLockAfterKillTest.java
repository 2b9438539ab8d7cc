package org.featureworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.core.FeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: "Timeout trying to lock table" after a {@code kill -9}. The file a killed process left
 * ({@code src/test/resources/h2-killed-writer}) holds a version of row {@code r4} written by a
 * transaction whose undo record is not in the file. After the workspace is opened and closed
 * again, a write of {@code r4} must not wait for unrelated transactions that happen to get the
 * lost transaction's id (H2 reuses ids lowest first, so a long read or a slow batch does).
 * Before {@link org.featureworkbench.database.StaleRowLocks}, the compaction after the unclean end
 * kept that version and this write failed after H2's 2 s lock timeout.
 */
class StaleRowLockAfterKillTest {
    /** Transactions held open by other sessions: more than the lost transaction's id (1). */
    private static final int HELD = 3;

    @TempDir
    Path workspace;

    @Test
    void aRowTheKilledProcessWasWritingIsWritableWhileOtherTransactionsAreOpen() throws Exception {
        copyKilledFile();
        reopenAfterKill();
        assertRowWritableWhileTransactionsOpen();
        assertClearingLogged();
    }

    /**
     * The same file after a compaction that copied the stale version without its transaction
     * (what earlier builds left): the next unclean-end open clears it too, as a rollback would.
     */
    @Test
    void aStaleRowVersionWithoutAnyTransactionIsClearedAtTheNextOpenAfterAKill() throws Exception {
        copyKilledFile();
        try (Connection c = DriverManager.getConnection(url(), "fwb", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        reopenAfterKill();
        assertRowWritableWhileTransactionsOpen();
        assertClearingLogged();
    }

    private void copyKilledFile() throws IOException {
        Files.createDirectories(workspace.resolve("online"));
        try (InputStream db = getClass().getResourceAsStream("/h2-killed-writer/workbench.mv.db")) {
            Files.copy(db, workspace.resolve("online").resolve("workbench.mv.db"));
        }
    }

    /**
     * Opens as the first process after a kill (the killed process's journal is there) and closes.
     * No write here: a commit of a transaction that got the lost one's id and touched the same
     * page could commit the stale version as its own (H2 2.5.252 commits page by page), which
     * would hide what this test looks for.
     */
    private void reopenAfterKill() throws IOException {
        Path journal = workspace.resolve("journal");
        Files.createDirectories(journal.resolve("KilledProcess0001"));
        Files.createFile(journal.resolve("KilledProcess0001.lock"));
        try (FeatureStore store = Workspace.open(workspace)) {
            assertTrue(store.records().getRecord("customers", "r4", null).isPresent(), "r4 reads as before");
        }
    }

    private void assertClearingLogged() throws IOException {
        String log = Files.readString(Files.list(workspace.resolve("logs")).findFirst().orElseThrow());
        assertTrue(log.contains("row locks that a process killed mid-transaction left"), "the clearing is logged");
    }

    /** Other sessions hold transactions 1…HELD open (a read each) while one more session updates r4. */
    private void assertRowWritableWhileTransactionsOpen() throws SQLException {
        List<Connection> holders = new ArrayList<>();
        try (Connection writer = DriverManager.getConnection(url(), "fwb", "")) {
            String table = onlineTable(writer);
            for (int i = 0; i < HELD; i++) {
                Connection holder = DriverManager.getConnection(url(), "fwb", "");
                holders.add(holder);
                holder.setAutoCommit(false);
                // A read that scans the table (COUNT(*) alone may not open a transaction).
                try (Statement s = holder.createStatement(); ResultSet rs = s.executeQuery("SELECT \"customer_id\" FROM "
                        + table + " WHERE \"age\" <> -1")) {
                    assertTrue(rs.next());
                }
            }
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                // Failed with "Timeout trying to lock table" before the fix.
                assertEquals(1, s.executeUpdate("UPDATE " + table + " SET \"age\" = 7 WHERE \"customer_id\" = 'r4'"));
            }
            writer.commit();
        } finally {
            for (Connection holder : holders) {
                holder.close();
            }
        }
    }

    private static String onlineTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM"
                + " INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'FWB_ONLINE_customers%'")) {
            assertTrue(rs.next(), "the fixture has the customers table");
            return '"' + rs.getString(1) + '"';
        }
    }

    private String url() {
        return "jdbc:h2:file:" + workspace.resolve("online").resolve("workbench").toAbsolutePath();
    }
}
