package org.featureworkbench.online;

import org.featureworkbench.model.WriteOutcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The bookkeeping of a record's row, read under its row lock ({@code SELECT … FOR UPDATE}) so
 * the decision to write cannot be overtaken by another writer before this transaction ends.
 *
 * @param eventTimeMs the stored event time, epoch millis
 * @param expiresAtMs the stored expiry, epoch millis, or null for never
 * @param deleted     whether it is a soft-delete tombstone
 */
record StoredRow(long eventTimeMs, Long expiresAtMs, boolean deleted) {

    /** Locks and reads the row of {@code recordId}; null when there is none. */
    static StoredRow lock(Connection c, OnlineTable t, Object recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(t.lockSql)) {
            t.bindId(ps, 1, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long expires = rs.getLong(2);
                Long expiresAt = rs.wasNull() ? null : expires;
                return new StoredRow(rs.getLong(1), expiresAt, rs.getBoolean(3));
            }
        }
    }

    /** Whether the row has expired at {@code nowMs}: ExpiresAt is the first instant it is unreadable. */
    boolean expiredAt(long nowMs) {
        return expiresAtMs != null && expiresAtMs <= nowMs;
    }

    /** How a write with {@code eventTimeMs} compares with this row (ADR 0005); an expired row counts as absent. */
    WriteOutcome compare(long newEventTimeMs, long nowMs) {
        if (expiredAt(nowMs) || newEventTimeMs > eventTimeMs) {
            return WriteOutcome.NEWER_WRITTEN;
        }
        return newEventTimeMs == eventTimeMs ? WriteOutcome.EQUAL_OVERWRITTEN : WriteOutcome.OLDER_IGNORED;
    }
}
