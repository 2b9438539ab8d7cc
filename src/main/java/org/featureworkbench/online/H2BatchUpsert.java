package org.featureworkbench.online;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TypedRecord;

/**
 * The batch write of {@link H2OnlineStore#putAll}: one conditional {@code MERGE … USING} per
 * record, sent as a JDBC batch. An opt-in variant ({@link #splitInserts()}) first looks up which
 * ids the table holds and INSERTs the others; it ends identically but measured no faster. The condition is {@link StoredRow#compare}'s rule in SQL — write
 * when there is no row, the stored event time is not newer, or the stored row has expired — so a
 * batch leaves exactly what the same puts one by one would, at the cost of a plain batch insert.
 * Not thread-safe; one per call.
 */
final class H2BatchUpsert {
    private static final String DUPLICATE_KEY = "23505";
    private static final int MAX_ATTEMPTS = 5;

    private final OnlineTable t;
    private final Clock clock;

    /**
     * Whether to look the ids up first and INSERT the new ones (opt-in). Off by default: measured on
     * H2 2.5 with 200k records in batches of 10k, it saved nothing on new ids (2.9–3.6 s against
     * 2.8–3.8 s for MERGE-only) and cost 30–75 % more on existing ids (2.2–3.0 s against 1.7 s),
     * because H2's MERGE already is one primary-key lookup plus the insert or update.
     */
    private boolean splitInserts;

    /** Called between the existence lookup and the writes (tests: simulate a concurrent insert). */
    private Runnable afterLookup = () -> { };

    H2BatchUpsert(OnlineTable table, Clock clock) {
        this.t = table;
        this.clock = clock;
    }

    /** The MERGE for one record; its parameters are every feature, then the bookkeeping, then "now". */
    static String mergeSql(OnlineTable t) {
        String casts = t.features.stream()
                .map(f -> "CAST(? AS " + OnlineTable.columnType(f.type(), f == t.id) + ")")
                .collect(Collectors.joining(", "));
        List<String> columns = new ArrayList<>();
        t.features.forEach(f -> columns.add(OnlineTable.quote(f.name())));
        columns.addAll(List.of(OnlineTable.EVENT_TIME, OnlineTable.EXPIRES_AT, OnlineTable.DELETED,
                OnlineTable.INVOKED_AT));
        String updates = columns.stream().filter(c -> !c.equals(t.idColumn)).map(c -> c + " = S." + c)
                .collect(Collectors.joining(", "));
        return "MERGE INTO " + t.table + " T USING (VALUES (" + casts + ", CAST(? AS BIGINT), CAST(? AS BIGINT), "
                + "CAST(? AS BOOLEAN), CAST(? AS BIGINT))) S(" + String.join(", ", columns) + ") ON T." + t.idColumn
                + " = S." + t.idColumn + " WHEN MATCHED AND (S." + OnlineTable.EVENT_TIME + " > T."
                + OnlineTable.EVENT_TIME + " OR (S." + OnlineTable.EVENT_TIME + " = T." + OnlineTable.EVENT_TIME
                + " AND S." + OnlineTable.INVOKED_AT + " >= T." + OnlineTable.INVOKED_AT + ") OR T."
                + OnlineTable.EXPIRES_AT + " <= CAST(? AS BIGINT)) THEN UPDATE SET "
                + updates + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "S." + c).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Writes the records in list order on the caller's transaction with the conditional MERGE; with
     * {@link #splitInserts()}, ids the table does not hold yet with a plain batched INSERT and the
     * others (and repeats of a new id within the batch) with the MERGE. If another transaction inserts one of the "new" ids between the lookup
     * and the INSERT (duplicate key), the whole batch is rolled back to its savepoint and redone
     * with MERGE only, which compares it like any stored row.
     *
     * @param ttl the group's online TTL, or null for records that never expire
     * @return how many records changed their online row
     */
    long write(Connection c, List<TypedRecord> records, TtlDuration ttl, Instant invokedAt) throws SQLException {
        if (records.isEmpty()) {
            return 0;
        }
        boolean split = splitInserts;
        // Until a batch of this table meets a stored id, try a plain INSERT batch first: a first
        // load (the usual bulk ingest) then costs what a raw batch insert costs, without MERGE's
        // per-row source table and match. One conflict and the table goes back to MERGE.
        boolean insertFirst = !split && t.insertsFirst();
        for (int attempt = 1; ; attempt++) {
            // A savepoint, so a lost insert race can be retried without undoing the caller's other work.
            Savepoint before = c.setSavepoint();
            try {
                long changed = insertFirst ? insertAll(c, records, ttl, invokedAt)
                        : split ? executeSplit(c, records, ttl, invokedAt) : execute(c, records, ttl, invokedAt);
                c.releaseSavepoint(before);
                return changed;
            } catch (SQLException e) {
                c.rollback(before);
                // A stored id (or one inserted meanwhile by another transaction, or an id repeated in
                // the list): on the retry (MERGE only) it is MATCHED and compared like any stored row.
                if (!isDuplicateKey(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                if (insertFirst) {
                    t.noteInsertConflict();
                }
                insertFirst = false;
                split = false;
            }
        }
    }

    /** Opts in to the lookup + INSERT for new ids (see {@link #splitInserts}). */
    H2BatchUpsert splitInserts() {
        splitInserts = true;
        return this;
    }

    H2BatchUpsert afterLookup(Runnable hook) {
        afterLookup = hook;
        return this;
    }

    private static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && DUPLICATE_KEY.equals(s.getSQLState())) {
                return true;
            }
        }
        for (SQLException n = e.getNextException(); n != null; n = n.getNextException()) {
            if (DUPLICATE_KEY.equals(n.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The ids of {@code records} the table already holds (live, deleted or expired alike). */
    private Set<Object> existingIds(Connection c, List<TypedRecord> records) throws SQLException {
        Object[] ids = new Object[records.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = records.get(i).recordIdentifier();
        }
        Set<Object> existing = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(t.existingIdsSql())) {
            ps.setObject(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.add(OnlineTable.read(rs, 1, t.id.type()));
                }
            }
        }
        return existing;
    }

    private long executeSplit(Connection c, List<TypedRecord> records, TtlDuration ttl, Instant invokedAt)
            throws SQLException {
        Set<Object> existing = existingIds(c, records);
        afterLookup.run();
        if (existing.size() == records.size()) {
            return execute(c, records, ttl, invokedAt);
        }
        // First version of a new id: INSERT. Existing ids and later versions of a new id: MERGE,
        // run after the INSERTs and in list order, so each id sees its versions in list order.
        List<TypedRecord> inserts = new ArrayList<>(records.size() - existing.size());
        List<TypedRecord> merges = new ArrayList<>(existing.size());
        Set<Object> inserted = new HashSet<>();
        for (TypedRecord r : records) {
            Object id = r.recordIdentifier();
            if (!existing.contains(id) && inserted.add(id)) {
                inserts.add(r);
            } else {
                merges.add(r);
            }
        }
        long now = clock.millis();
        long changed = 0;
        try (PreparedStatement ps = c.prepareStatement(t.insertSql)) {
            for (TypedRecord r : inserts) {
                bindRow(ps, r, ttl, invokedAt);
                ps.addBatch();
            }
            changed += count(ps.executeBatch());
        }
        if (!merges.isEmpty()) {
            changed += execute(c, merges, ttl, invokedAt, now);
        }
        return changed;
    }

    private long execute(Connection c, List<TypedRecord> records, TtlDuration ttl, Instant invokedAt)
            throws SQLException {
        return execute(c, records, ttl, invokedAt, clock.millis());
    }

    /** Every record as a new row; fails (duplicate key) if any id is stored or repeated. */
    private long insertAll(Connection c, List<TypedRecord> records, TtlDuration ttl, Instant invokedAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(t.insertSql)) {
            for (TypedRecord r : records) {
                bindRow(ps, r, ttl, invokedAt);
                ps.addBatch();
            }
            ps.executeBatch();
            return records.size();
        }
    }

    private long execute(Connection c, List<TypedRecord> records, TtlDuration ttl, Instant invokedAt, long now)
            throws SQLException {
        int n = t.features.size();
        try (PreparedStatement ps = c.prepareStatement(t.mergeSql())) {
            for (TypedRecord r : records) {
                bindRow(ps, r, ttl, invokedAt);
                ps.setLong(n + 5, now);
                ps.addBatch();
            }
            return count(ps.executeBatch());
        }
    }

    /** Binds every feature, then event time, expiry, deleted, invocation time (parameters 1 … n + 4). */
    private void bindRow(PreparedStatement ps, TypedRecord r, TtlDuration ttl, Instant invokedAt) throws SQLException {
        int n = t.features.size();
        long ttlMs = ttl == null ? -1 : ttl.toDuration().toMillis();
        for (int i = 0; i < n; i++) {
            FeatureDefinition f = t.features.get(i);
            OnlineTable.bind(ps, i + 1, f.type(), f == t.id ? r.recordIdentifier() : r.value(f.name()));
        }
        long eventMs = r.eventTime().toEpochMilli();
        ps.setLong(n + 1, eventMs);
        if (ttlMs < 0) {
            ps.setNull(n + 2, Types.BIGINT);
        } else {
            ps.setLong(n + 2, eventMs + ttlMs);
        }
        ps.setBoolean(n + 3, false);
        ps.setLong(n + 4, invokedAt.toEpochMilli());
    }

    private static long count(int[] counts) {
        long changed = 0;
        for (int count : counts) {
            changed += count > 0 || count == Statement.SUCCESS_NO_INFO ? 1 : 0;
        }
        return changed;
    }
}
