package org.featureworkbench.online;

import org.featureworkbench.model.WriteOutcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ValidationException;

/**
 * The conditional writes of {@link H2OnlineStore}, on the caller's connection and transaction.
 * A put tries an UPDATE conditioned on the stored version being older (or expired) and an INSERT,
 * in the order this table's recent puts favour; when both miss, it locks the record's row and
 * compares (ADR 0005). An insert that loses
 * a race with another inserter of the same id (duplicate key) is retried against the row that
 * won, so the newer event time ends up stored whatever order the writers arrive and commit in.
 */
final class H2RowWriter {
    private static final String DUPLICATE_KEY = "23505";
    private static final int MAX_ATTEMPTS = 5;

    private final Clock clock;

    H2RowWriter(Clock clock) {
        this.clock = clock;
    }

    /** The full-overwrite write of a put or a soft delete (values empty but for the id). */
    WriteOutcome write(Connection c, OnlineTable t, Object recordId, Map<String, Object> values, Instant eventTime,
                       Instant expiresAt, boolean deleted, Instant invokedAt) throws SQLException {
        long eventMs = eventTime.toEpochMilli();
        // Fast paths for the usual cases, one statement each when guessed right: a newer version of
        // a stored record is a conditional UPDATE, a record not stored yet an INSERT. Which to try
        // first follows what this table's recent puts were (OnlineTable.mostlyInserts); the other
        // comes second. An equal or older version (both miss) takes the locking path.
        boolean insertFirst = t.mostlyInserts();
        if (insertFirst && tryInsert(c, t, recordId, values, eventMs, expiresAt, deleted, invokedAt)) {
            t.notePut(true);
            return WriteOutcome.NEWER_WRITTEN;
        }
        if (updateIfNewer(c, t, recordId, values, eventMs, expiresAt, deleted, invokedAt)) {
            t.notePut(false);
            return WriteOutcome.NEWER_WRITTEN;
        }
        if (!insertFirst && tryInsert(c, t, recordId, values, eventMs, expiresAt, deleted, invokedAt)) {
            t.notePut(true);
            return WriteOutcome.NEWER_WRITTEN;
        }
        t.notePut(false);
        for (int attempt = 1; ; attempt++) {
            StoredRow stored = StoredRow.lock(c, t, recordId);
            if (stored != null) {
                WriteOutcome outcome = stored.compare(eventMs, invokedAt.toEpochMilli(), clock.millis());
                if (outcome.onlineChanged()) {
                    update(c, t, recordId, values, eventMs, expiresAt, deleted, invokedAt);
                }
                return outcome;
            }
            try {
                insert(c, t, recordId, values, eventMs, expiresAt, deleted, invokedAt);
                return WriteOutcome.NEWER_WRITTEN;
            } catch (SQLException e) {
                // Another transaction inserted this id between our lock attempt and insert; H2 rolled
                // back only the failed statement, so compare against the row it committed instead.
                if (!DUPLICATE_KEY.equals(e.getSQLState()) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** HardDelete: see {@link OnlineStore#hardDelete(Connection, org.featureworkbench.model.FeatureGroup, String, Instant)}. */
    boolean hardDelete(Connection c, OnlineTable t, Object recordId, Instant eventTime) throws SQLException {
        StoredRow stored = StoredRow.lock(c, t, t.lockEveryColumnSql, recordId);
        if (stored == null) {
            return false;
        }
        boolean expired = stored.expiredAt(clock.millis());
        if (!expired && stored.eventTimeMs() >= eventTime.toEpochMilli()) {
            throw new ValidationException("EventTime", "a hard delete needs an event time later than the stored"
                    + " record's; record '" + recordId + "' in '" + t.groupName + "' has event time "
                    + EventTimes.format(Instant.ofEpochMilli(stored.eventTimeMs()), FeatureType.STRING)
                    + " and the delete has " + EventTimes.format(eventTime, FeatureType.STRING));
        }
        delete(c, t, recordId);
        return !expired && !stored.deleted();
    }

    /** See {@link OnlineStore#replayHardDelete}. */
    boolean replayHardDelete(Connection c, OnlineTable t, Object recordId, Instant eventTime, Instant invokedAt)
            throws SQLException {
        StoredRow stored = StoredRow.lock(c, t, t.lockEveryColumnSql, recordId);
        if (stored == null || stored.invokedAtMs() > invokedAt.toEpochMilli()) {
            return false; // gone already, or written again after the delete was invoked
        }
        if (!stored.expiredAt(clock.millis()) && stored.eventTimeMs() >= eventTime.toEpochMilli()) {
            return false; // a newer version reached the row: the delete no longer applies
        }
        delete(c, t, recordId);
        return true;
    }

    static void delete(Connection c, OnlineTable t, Object recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t.table + " WHERE " + t.idColumn + " = ?")) {
            t.bindId(ps, 1, recordId);
            ps.executeUpdate();
        }
    }

    private static void insert(Connection c, OnlineTable t, Object recordId, Map<String, Object> values, long eventMs,
                               Instant expiresAt, boolean deleted, Instant invokedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(t.insertSql)) {
            int i = 1;
            for (FeatureDefinition f : t.features) {
                OnlineTable.bind(ps, i++, f.type(), f == t.id ? recordId : values.get(f.name()));
            }
            bindBookkeeping(ps, i, eventMs, expiresAt, deleted, invokedAt);
            ps.executeUpdate();
        }
    }

    /** Inserts the row; false when the id is stored (an equal or older version, or one inserted meanwhile). */
    private static boolean tryInsert(Connection c, OnlineTable t, Object recordId, Map<String, Object> values,
                                     long eventMs, Instant expiresAt, boolean deleted, Instant invokedAt)
            throws SQLException {
        try {
            insert(c, t, recordId, values, eventMs, expiresAt, deleted, invokedAt);
            return true;
        } catch (SQLException e) {
            // H2 rolled back only the failed statement; the caller goes on in the same transaction.
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            return false;
        }
    }

    /** Overwrites the row if its version is older or expired; whether it did. */
    private boolean updateIfNewer(Connection c, OnlineTable t, Object recordId, Map<String, Object> values,
                                  long eventMs, Instant expiresAt, boolean deleted, Instant invokedAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(t.updateIfNewerSql)) {
            int i = 1;
            for (FeatureDefinition f : t.features) {
                if (f != t.id) {
                    OnlineTable.bind(ps, i++, f.type(), values.get(f.name()));
                }
            }
            i = bindBookkeeping(ps, i, eventMs, expiresAt, deleted, invokedAt);
            t.bindId(ps, i++, recordId);
            ps.setLong(i++, eventMs);
            ps.setLong(i, clock.millis());
            return ps.executeUpdate() == 1;
        }
    }

    private static void update(Connection c, OnlineTable t, Object recordId, Map<String, Object> values, long eventMs,
                               Instant expiresAt, boolean deleted, Instant invokedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(t.updateSql)) {
            int i = 1;
            for (FeatureDefinition f : t.features) {
                if (f != t.id) {
                    OnlineTable.bind(ps, i++, f.type(), values.get(f.name()));
                }
            }
            i = bindBookkeeping(ps, i, eventMs, expiresAt, deleted, invokedAt);
            t.bindId(ps, i, recordId);
            if (ps.executeUpdate() != 1) {
                throw new FeatureStoreException("online row of '" + recordId + "' in '" + t.groupName
                        + "' vanished while locked");
            }
        }
    }

    private static int bindBookkeeping(PreparedStatement ps, int i, long eventMs, Instant expiresAt, boolean deleted,
                                       Instant invokedAt) throws SQLException {
        ps.setLong(i++, eventMs);
        if (expiresAt == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, expiresAt.toEpochMilli());
        }
        ps.setBoolean(i++, deleted);
        ps.setLong(i++, invokedAt.toEpochMilli());
        return i;
    }
}
