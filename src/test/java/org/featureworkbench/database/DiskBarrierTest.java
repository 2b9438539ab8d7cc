package org.featureworkbench.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DiskBarrier}: once it returned, the database file holds the commit — checked the way a
 * {@code kill -9} would leave the file: copied while the database is open and busy (another
 * thread commits all the time, so H2's background writer and its pipeline are never idle), then
 * the copy opened on its own.
 */
class DiskBarrierTest {
    private static final int ROUNDS = 20;

    @TempDir
    Path dir;

    @Test
    void afterTheBarrierTheFileHoldsTheCommitWhileOthersWrite() throws Exception {
        assertEquals(List.of(), lostCommits(true));
    }

    @Test
    void theAliasAClientCallsRunsTheBarrierInTheServingProcess() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE",
                "fwb", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T(ID INT PRIMARY KEY)");
            s.execute("INSERT INTO T VALUES (1)");
            DiskBarrier.throughAlias(c); // creates the alias, then calls it
            s.execute("INSERT INTO T VALUES (2)");
            DiskBarrier.throughAlias(c);
            assertTrue(snapshotHolds(dir.resolve("db.mv.db"), 2), "the row is in the file after the alias's barrier");
        }
    }

    /** Commits a row, runs the barrier (or H2's CHECKPOINT), copies the file; rows missing in the copy. */
    private List<Integer> lostCommits(boolean barrier) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("busy") + ";AUTO_SERVER=TRUE";
        List<Integer> lost = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (Connection c = DriverManager.getConnection(url, "fwb", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE T(ID INT PRIMARY KEY)");
                s.execute("CREATE TABLE NOISE(ID INT PRIMARY KEY, V VARCHAR(200))");
            }
            Thread noise = new Thread(() -> {
                try (Connection n = DriverManager.getConnection(url, "fwb", "");
                     PreparedStatement ps = n.prepareStatement("MERGE INTO NOISE VALUES (?, ?)")) {
                    for (int i = 0; !stop.get(); i++) {
                        ps.setInt(1, i % 5_000);
                        ps.setString(2, "x".repeat(100 + i % 100));
                        ps.executeUpdate();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            noise.start();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO T VALUES (?)")) {
                for (int i = 0; i < ROUNDS; i++) {
                    insert.setInt(1, i);
                    insert.executeUpdate();
                    if (barrier) {
                        DiskBarrier.writeToDisk(c);
                    } else {
                        try (Statement s = c.createStatement()) {
                            s.execute("CHECKPOINT");
                        }
                    }
                    if (!snapshotHolds(dir.resolve("busy.mv.db"), i)) {
                        lost.add(i);
                    }
                }
            } finally {
                stop.set(true);
                noise.join();
            }
        }
        return lost;
    }

    private boolean snapshotHolds(Path file, int id) throws Exception {
        Path copy = dir.resolve("copy.mv.db");
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("copy") + ";ACCESS_MODE_DATA=r",
                "fwb", ""); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM T WHERE ID = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(dir.resolve("copy.lock.db"));
        }
    }
}
