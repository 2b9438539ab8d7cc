package org.featureworkbench.writepath;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Claimed flush batches and who owns them. A batch whose owning process is gone (crashed between
 * publishing Parquet files and deleting its outbox rows) is finished by the next flusher, which
 * skips the partitions whose file with the batch's token is already published: exactly once.
 */
final class FlushBatches {
    private static final ProcessHandle SELF = ProcessHandle.current();

    /** A claimed batch. */
    record Batch(String token, String groupName, long createdSeconds, long ownerPid, long ownerStartedMs) {
        /** Whether the process that claimed the batch is still running (same pid and start time). */
        boolean ownerAlive() {
            Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid);
            return owner.isPresent() && owner.get().isAlive()
                    && owner.get().info().startInstant().map(t -> t.toEpochMilli() == ownerStartedMs).orElse(true);
        }
    }

    static void insert(Connection c, String token, String groupName, long createdSeconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO FWB_FLUSH_BATCH VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, token);
            ps.setString(2, groupName);
            ps.setLong(3, createdSeconds);
            ps.setLong(4, SELF.pid());
            ps.setLong(5, selfStartedMs());
            ps.executeUpdate();
        }
    }

    static List<Batch> all(Connection c) throws SQLException {
        List<Batch> batches = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM FWB_FLUSH_BATCH")) {
            while (rs.next()) {
                batches.add(new Batch(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
            }
        }
        return batches;
    }

    static void delete(Connection c, String token) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM FWB_FLUSH_BATCH WHERE TOKEN = ?")) {
            ps.setString(1, token);
            ps.executeUpdate();
        }
    }

    private static long selfStartedMs() {
        return SELF.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    private FlushBatches() {
    }
}
