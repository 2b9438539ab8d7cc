package org.featureworkbench.online;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TypedRecord;

/**
 * The batch write of {@link H2OnlineStore#putAll}: one conditional {@code MERGE … USING} per
 * record, sent as a JDBC batch. The condition is {@link StoredRow#compare}'s rule in SQL — write
 * when there is no row, the stored event time is not newer, or the stored row has expired — so a
 * batch leaves exactly what the same puts one by one would, at the cost of a plain batch insert.
 * Not thread-safe; one per call.
 */
final class H2BatchUpsert {
    private static final String DUPLICATE_KEY = "23505";
    private static final int MAX_ATTEMPTS = 5;

    private final OnlineTable t;
    private final Clock clock;

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
                + " = S." + t.idColumn + " WHEN MATCHED AND (S." + OnlineTable.EVENT_TIME + " >= T."
                + OnlineTable.EVENT_TIME + " OR T." + OnlineTable.EXPIRES_AT + " <= CAST(? AS BIGINT)) THEN UPDATE SET "
                + updates + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "S." + c).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Writes the records in list order on the caller's transaction.
     *
     * @param ttl the group's online TTL, or null for records that never expire
     * @return how many records changed their online row
     */
    long write(Connection c, List<TypedRecord> records, TtlDuration ttl, Instant invokedAt) throws SQLException {
        if (records.isEmpty()) {
            return 0;
        }
        for (int attempt = 1; ; attempt++) {
            // A savepoint, so a lost insert race can be retried without undoing the caller's other work.
            Savepoint before = c.setSavepoint();
            try {
                long changed = execute(c, records, ttl, invokedAt);
                c.releaseSavepoint(before);
                return changed;
            } catch (SQLException e) {
                c.rollback(before);
                // Another transaction inserted one of these ids between the MERGE's lookup and its
                // insert; on the retry that id is MATCHED and compared like any stored row.
                if (!DUPLICATE_KEY.equals(e.getSQLState()) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private long execute(Connection c, List<TypedRecord> records, TtlDuration ttl, Instant invokedAt)
            throws SQLException {
        long now = clock.millis();
        long invoked = invokedAt.toEpochMilli();
        long ttlMs = ttl == null ? -1 : ttl.toDuration().toMillis();
        int n = t.features.size();
        try (PreparedStatement ps = c.prepareStatement(t.mergeSql())) {
            for (TypedRecord r : records) {
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
                ps.setLong(n + 4, invoked);
                ps.setLong(n + 5, now);
                ps.addBatch();
            }
            long changed = 0;
            for (int count : ps.executeBatch()) {
                changed += count > 0 ? 1 : 0;
            }
            return changed;
        }
    }
}
