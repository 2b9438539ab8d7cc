package org.featureworkbench.writepath;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.featureworkbench.database.DiskBarrier;
import org.featureworkbench.database.TornCommits;
import org.featureworkbench.registry.CatalogVersions;

/**
 * {@code FWB_JOURNAL}: per journal, the sequence number of the last entry whose online change
 * committed in H2, updated in that same transaction. H2 keeps recent commits in memory for up to
 * its write delay, so after a crash it may have lost a suffix of them; the journal still holds
 * those entries, and this number says where to resume replaying (ADR 0010). After a torn commit
 * was found in the file, every mark is {@link TornCommits#UNKNOWN_MARK}: replay from the last
 * disk barrier instead (a dead journal: from its start). All methods run in the caller's transaction.
 */
final class JournalProgress {
    private JournalProgress() {
    }

    static void createTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TornCommits.JOURNAL_TABLE + " (JOURNAL_ID VARCHAR(64) PRIMARY KEY, "
                    + "APPLIED_SEQ BIGINT NOT NULL)");
        }
    }

    /** The last applied entry of the journal; 0 when it has no row (nothing applied, or never recorded). */
    static long applied(Connection c, String journalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT APPLIED_SEQ FROM FWB_JOURNAL WHERE JOURNAL_ID = ?")) {
            ps.setString(1, journalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * Moves the journal's mark from {@code expected} to {@code seq}.
     *
     * @return false when the stored mark is not {@code expected} (H2 lost commits: replay first)
     */
    static boolean advance(Connection c, String journalId, long expected, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE FWB_JOURNAL SET APPLIED_SEQ = ? WHERE JOURNAL_ID = ? AND APPLIED_SEQ = ?")) {
            ps.setLong(1, seq);
            ps.setString(2, journalId);
            ps.setLong(3, expected);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * {@link #advance}, only if the group's catalog version is still {@code catalogVersion}
     * ({@link CatalogVersions#SUBQUERY}).
     *
     * @return false when the mark is not {@code expected} or the version is another
     */
    static boolean advanceIfCurrent(Connection c, String journalId, long expected, long seq, String groupName,
                                    long catalogVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE FWB_JOURNAL SET APPLIED_SEQ = ? WHERE JOURNAL_ID = ?"
                + " AND APPLIED_SEQ = ? AND " + CatalogVersions.SUBQUERY + " = ?")) {
            ps.setLong(1, seq);
            ps.setString(2, journalId);
            ps.setLong(3, expected);
            ps.setString(4, groupName);
            ps.setLong(5, catalogVersion);
            return ps.executeUpdate() == 1;
        }
    }

    /** Sets the mark, creating the row when needed. */
    static void set(Connection c, String journalId, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO FWB_JOURNAL KEY(JOURNAL_ID) VALUES (?, ?)")) {
            ps.setString(1, journalId);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }

    static void delete(Connection c, String journalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM FWB_JOURNAL WHERE JOURNAL_ID = ?")) {
            ps.setString(1, journalId);
            ps.executeUpdate();
        }
    }

    /**
     * Writes every committed transaction to the database file now. Not H2's {@code CHECKPOINT},
     * which can return while the background writer's chunk is still queued ({@link DiskBarrier}).
     *
     * @return false when only H2's CHECKPOINT could be run (a serving process of another build):
     *         not a point to replay from
     */
    static boolean checkpoint(Connection c) throws SQLException {
        return DiskBarrier.writeToDisk(c);
    }
}
