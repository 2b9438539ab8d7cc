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

    /** The SEQ range a batch was claimed from (inclusive); its rows are those in it marked with its token. */
    record Range(long fromSeq, long toSeq) {
    }

    /**
     * A claimed batch.
     *
     * @param range null for a batch claimed by a version that did not record it
     */
    record Batch(String token, String groupName, long createdSeconds, long ownerPid, long ownerStartedMs, Range range) {
        /** Whether the process that claimed the batch is still running (same pid and start time). */
        boolean ownerAlive() {
            Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid);
            return owner.isPresent() && owner.get().isAlive()
                    && owner.get().info().startInstant().map(t -> t.toEpochMilli() == ownerStartedMs).orElse(true);
        }
    }

    /** Records a batch this process claimed; returns it. */
    static Batch insert(Connection c, String token, String groupName, long createdSeconds, Range range)
            throws SQLException {
        Batch batch = new Batch(token, groupName, createdSeconds, SELF.pid(), selfStartedMs(), range);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO FWB_FLUSH_BATCH (TOKEN, GROUP_NAME, GROUP_CREATED_S,"
                + " OWNER_PID, OWNER_STARTED_MS, FROM_SEQ, TO_SEQ) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, token);
            ps.setString(2, groupName);
            ps.setLong(3, createdSeconds);
            ps.setLong(4, batch.ownerPid());
            ps.setLong(5, batch.ownerStartedMs());
            ps.setLong(6, range.fromSeq());
            ps.setLong(7, range.toSeq());
            ps.executeUpdate();
        }
        return batch;
    }

    static List<Batch> all(Connection c) throws SQLException {
        List<Batch> batches = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TOKEN, GROUP_NAME,"
                + " GROUP_CREATED_S, OWNER_PID, OWNER_STARTED_MS, FROM_SEQ, TO_SEQ FROM FWB_FLUSH_BATCH")) {
            while (rs.next()) {
                long from = rs.getLong(6);
                Range range = rs.wasNull() ? null : new Range(from, rs.getLong(7));
                batches.add(new Batch(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        range));
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
