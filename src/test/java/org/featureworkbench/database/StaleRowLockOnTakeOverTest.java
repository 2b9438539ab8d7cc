package org.featureworkbench.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The take-over half of {@link StaleRowLocks} (ADR 0016 addendum): a process whose database
 * owner was killed takes the file over in {@link WorkspaceDatabase}'s first connection, not in
 * {@code Workspace.open}'s unclean-end compaction (no journal of an ended process is involved
 * here, so that path does not run). The file is the one a killed writer left
 * ({@code src/test/resources/h2-killed-writer}): row {@code r4} carries a version of a
 * transaction that is in no log. Beside it lies the killed owner's H2 lock file, naming a server
 * that no longer answers. After the take-over, a write of {@code r4} must not wait for unrelated
 * transactions that get the lost transaction's id; without the clearing it fails after H2's lock
 * timeout ("Timeout trying to lock table").
 */
class StaleRowLockOnTakeOverTest {
    /** Transactions held open by other sessions: more than the lost transaction's id (1). */
    private static final int HELD = 3;
    /** Far above the test's time when the lock is cleared (under a second), far below a stuck write's (forever). */
    private static final int UPDATE_PATIENCE_SECONDS = 60;

    @TempDir
    Path workspace;

    @Test
    @Timeout(value = UPDATE_PATIENCE_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void takingOverAKilledOwnersFileClearsItsRowLocks() throws Exception {
        Path online = Files.createDirectories(workspace.resolve("online"));
        try (InputStream db = getClass().getResourceAsStream("/h2-killed-writer/workbench.mv.db")) {
            Files.copy(db, online.resolve("workbench.mv.db"));
        }
        Path lockFile = online.resolve("workbench.lock.db");
        Files.writeString(lockFile, killedOwnersLockText(), StandardCharsets.ISO_8859_1);

        WorkspaceDatabase database = new WorkspaceDatabase(Workspace.jdbcUrl(workspace), workspace, notice -> { });
        List<Connection> holders = new ArrayList<>();
        try (Connection writer = database.getConnection()) {
            assertFalse(Files.readString(lockFile, StandardCharsets.ISO_8859_1).contains(deadServer),
                    "the killed owner's lock file was replaced: this process took the file over");
            String table = onlineTable(writer);
            for (int i = 0; i < HELD; i++) {
                Connection holder = database.getConnection();
                holders.add(holder);
                holder.setAutoCommit(false);
                // A read that scans the table, so that the session opens a transaction.
                try (Statement s = holder.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT \"customer_id\" FROM " + table + " WHERE \"age\" <> -1")) {
                    assertTrue(rs.next());
                }
            }
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                // Without the clearing this waits for whichever holder got the lost transaction's
                // id: a lock timeout, or (H2 2.5.252, id read back as committed) a spin that lasts
                // until that holder ends — hence the test's timeout.
                assertEquals(1, s.executeUpdate("UPDATE " + table + " SET \"age\" = 7 WHERE \"customer_id\" = 'r4'"));
            }
            writer.commit();
        } finally {
            closeAll(holders);
            database.dispose();
        }
        assertEquals(7, ageOfR4(), "the write of r4 is stored");
    }

    private String deadServer;

    private static void closeAll(List<Connection> connections) throws SQLException {
        for (Connection c : connections) {
            c.close();
        }
        connections.clear();
    }

    /** H2's lock file as an AUTO_SERVER owner writes it, naming a loopback port nobody listens on. */
    private String killedOwnersLockText() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        deadServer = "127.0.0.1\\:" + port;
        return "#FileLock\nid=18c3b2f9a1e1d2c3b4a5f6e7d8c9b0a1\nmethod=file\nserver=" + deadServer
                + "\nserverId=killed-owner\n";
    }

    private int ageOfR4() throws SQLException {
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(workspace), "fwb", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"age\" FROM " + onlineTable(c) + " WHERE \"customer_id\" = 'r4'")) {
            assertTrue(rs.next(), "r4 is there");
            return rs.getInt(1);
        }
    }

    private static String onlineTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM"
                + " INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'FWB_ONLINE_customers%'")) {
            assertTrue(rs.next(), "the fixture has the customers table");
            return '"' + rs.getString(1) + '"';
        }
    }
}
