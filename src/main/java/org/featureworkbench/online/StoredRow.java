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
 * @param invokedAtMs the stored write's api_invocation_time, epoch millis
 */
record StoredRow(long eventTimeMs, Long expiresAtMs, boolean deleted, long invokedAtMs) {

    /** Locks and reads the row of {@code recordId}; null when there is none. */
    static StoredRow lock(Connection c, OnlineTable t, Object recordId) throws SQLException {
        return lock(c, t, t.lockSql, recordId);
    }

    /** {@link #lock} with {@code sql}: {@link OnlineTable#lockSql} or a variant with the same first columns. */
    static StoredRow lock(Connection c, OnlineTable t, String sql, Object recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            t.bindId(ps, 1, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long expires = rs.getLong(2);
                Long expiresAt = rs.wasNull() ? null : expires;
                return new StoredRow(rs.getLong(1), expiresAt, rs.getBoolean(3), rs.getLong(4));
            }
        }
    }

    /** Whether the row has expired at {@code nowMs}: ExpiresAt is the first instant it is unreadable. */
    boolean expiredAt(long nowMs) {
        return expiresAtMs != null && expiresAtMs <= nowMs;
    }

    /**
     * How a write compares with this row: the offline store's order (event time, then
     * api_invocation_time, then write order — ADR 0005, 0017), so the online row is always the
     * offline latest snapshot. An equal event time with an earlier invocation time is older; an
     * equal pair is a later write and overwrites. An expired row counts as absent.
     */
    WriteOutcome compare(long newEventTimeMs, long newInvokedAtMs, long nowMs) {
        if (expiredAt(nowMs) || newEventTimeMs > eventTimeMs) {
            return WriteOutcome.NEWER_WRITTEN;
        }
        if (newEventTimeMs < eventTimeMs || newInvokedAtMs < invokedAtMs) {
            return WriteOutcome.OLDER_IGNORED;
        }
        return WriteOutcome.EQUAL_OVERWRITTEN;
    }
}
