package org.featureworkbench.online;

import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.BatchGetResult;
import org.featureworkbench.model.WriteOutcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.featureworkbench.database.EngineMessages;
import org.featureworkbench.database.Retry;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.GroupChangingException;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.model.TypedRecord;
import org.featureworkbench.registry.CatalogVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The online store in the workspace's H2 database: one typed table per group (see
 * {@link OnlineTable} for names and columns), primary key = record id. Lookups run on cached
 * prepared statements ({@link ReadSessions}); writes lock the record's row ({@link H2RowWriter}).
 * Thread-safe.
 */
public final class H2OnlineStore implements OnlineStore {
    private static final Logger LOG = LoggerFactory.getLogger(H2OnlineStore.class);
    private static final long ANY_VERSION = H2Lookups.ANY_VERSION;

    private final DataSource dataSource;
    private final Clock clock;
    private final ReadSessions readSessions;
    /** Sessions whose lock timeout is 0, for reads that must never wait ({@link #getWithoutWaiting}). */
    private final ReadSessions neverWaitingSessions;
    private final H2RowWriter writer;
    private final H2Lookups lookups;
    private final Map<String, OnlineTable> tables = new ConcurrentHashMap<>();

    /**
     * @param dataSource the workspace database, owned by the caller
     * @param clock      "now" for expiry: injectable so tests control TTL
     */
    public H2OnlineStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.readSessions = new ReadSessions(dataSource, Math.max(2, Runtime.getRuntime().availableProcessors()));
        // One idle session suffices: the API server's selector is its only user (ADR 0021).
        this.neverWaitingSessions = new ReadSessions(dataSource, 2, true);
        this.writer = new H2RowWriter(clock);
        this.lookups = new H2Lookups(clock);
    }

    public H2OnlineStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** The name of the group's online table in the workspace database (for check and repair). */
    public static String tableName(FeatureGroup group) {
        return OnlineTable.tableName(group);
    }

    /** The table SQL for the group's current feature list; features are only ever appended. */
    private OnlineTable table(FeatureGroup group) {
        String key = group.name() + '/' + group.creationTime().getEpochSecond() + '/' + group.features().size();
        return tables.computeIfAbsent(key, k -> new OnlineTable(group));
    }

    @Override
    public void createTable(FeatureGroup group) {
        OnlineTable t = table(group);
        run("create the online table of '" + group.name() + "'", c -> {
            try (Statement s = c.createStatement()) {
                s.execute(t.createSql());
                s.execute(t.expiryIndexSql());
            }
            return null;
        });
        LOG.info("Online table {} ready ({} features)", t.table, t.features.size());
    }

    @Override
    public void addColumns(FeatureGroup group, List<FeatureDefinition> additions) {
        OnlineTable t = table(group);
        run(group, "add columns to the online table of '" + group.name() + "'", c -> {
            // One ALTER for all of them: H2 copies the whole table for each ALTER. Columns already there
            // (from an attempt that failed part-way) are skipped, so running it again completes a change.
            Set<String> present = columnsOf(c, OnlineTable.tableName(group));
            String columns = additions.stream().filter(f -> !present.contains(f.name()))
                    .map(f -> OnlineTable.quote(f.name()) + " " + OnlineTable.columnType(f.type(), false))
                    .collect(Collectors.joining(", "));
            if (!columns.isEmpty()) {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + t.table + " ADD (" + columns + ")");
                }
            }
            return null;
        });
        LOG.info("Added {} columns to online table {}", additions.size(), t.table);
    }

    private static Set<String> columnsOf(Connection c, String tableName) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, tableName, null)) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME"));
            }
        }
        return names;
    }

    @Override
    public void dropTable(FeatureGroup group) {
        String name = OnlineTable.quote(OnlineTable.tableName(group));
        run("drop the online table of '" + group.name() + "'", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + name);
            }
            return null;
        });
        tables.keySet().removeIf(k -> k.startsWith(group.name() + '/' + group.creationTime().getEpochSecond() + '/'));
        LOG.info("Dropped online table {}", name);
    }

    @Override
    public WriteOutcome put(Connection c, FeatureGroup group, TypedRecord record, Instant expiresAt, Instant invokedAt) {
        OnlineTable t = table(group);
        try {
            return writer.write(c, t, record.recordIdentifier(), record.values(), record.eventTime(), expiresAt,
                    false, invokedAt);
        } catch (SQLException e) {
            throw error(group, "write record '" + record.recordIdentifierAsString() + "' to '" + group.name() + "'", e);
        }
    }

    @Override
    public WriteOutcome put(FeatureGroup group, TypedRecord record, Instant expiresAt) {
        return inTransaction(c -> put(c, group, record, expiresAt, clock.instant()));
    }

    @Override
    public long putAll(Connection c, FeatureGroup group, List<TypedRecord> records, Instant invokedAt) {
        OnlineTable t = table(group);
        try {
            return new H2BatchUpsert(t, clock).write(c, records, group.definition().onlineStore().ttl(), invokedAt);
        } catch (SQLException e) {
            throw error(group, "write " + records.size() + " records to '" + group.name() + "'", e);
        }
    }

    @Override
    public long putAll(FeatureGroup group, List<TypedRecord> records, Instant invokedAt) {
        return inTransaction(c -> putAll(c, group, records, invokedAt));
    }

    @Override
    public long putAllAtVersion(FeatureGroup group, long catalogVersion, List<TypedRecord> records, Instant invokedAt) {
        return inTransaction(c -> {
            long changed = putAll(c, group, records, invokedAt);
            try {
                CatalogVersions.require(c, group.name(), catalogVersion);
            } catch (SQLException e) {
                throw error(group, "check the definition of '" + group.name() + "'", e);
            }
            return changed;
        });
    }

    @Override
    public WriteOutcome softDelete(Connection c, FeatureGroup group, String recordIdentifier, Instant eventTime,
                                   Instant invokedAt) {
        OnlineTable t = table(group);
        Object id = RecordValidator.parseRecordIdentifier(group.definition(), recordIdentifier);
        try {
            // A tombstone: the row stays with the delete's event time and no feature values.
            return writer.write(c, t, id, Map.of(), eventTime, null, true, invokedAt);
        } catch (SQLException e) {
            throw error(group, "soft-delete record '" + recordIdentifier + "' in '" + group.name() + "'", e);
        }
    }

    @Override
    public WriteOutcome softDelete(FeatureGroup group, String recordIdentifier, Instant eventTime) {
        return inTransaction(c -> softDelete(c, group, recordIdentifier, eventTime, clock.instant()));
    }

    @Override
    public boolean hardDelete(Connection c, FeatureGroup group, String recordIdentifier, Instant eventTime) {
        return hardDelete(group, recordIdentifier, (t, id) -> writer.hardDelete(c, t, id, eventTime));
    }

    @Override
    public boolean replayHardDelete(Connection c, FeatureGroup group, String recordIdentifier, Instant eventTime,
                                    Instant invokedAt) {
        return hardDelete(group, recordIdentifier, (t, id) -> writer.replayHardDelete(c, t, id, eventTime, invokedAt));
    }

    /** A hard delete's statements on the record's table and parsed id. */
    @FunctionalInterface
    private interface RowDelete {
        boolean run(OnlineTable table, Object recordId) throws SQLException;
    }

    private boolean hardDelete(FeatureGroup group, String recordIdentifier, RowDelete delete) {
        OnlineTable t = table(group);
        Object id = RecordValidator.parseRecordIdentifier(group.definition(), recordIdentifier);
        try {
            return delete.run(t, id);
        } catch (SQLException e) {
            throw error(group, "hard-delete record '" + recordIdentifier + "' in '" + group.name() + "'", e);
        }
    }

    @Override
    public boolean hardDelete(FeatureGroup group, String recordIdentifier, Instant eventTime) {
        return inTransaction(c -> hardDelete(c, group, recordIdentifier, eventTime));
    }

    @Override
    public Optional<OnlineRecord> get(FeatureGroup group, String recordIdentifier, List<String> projection) {
        return get(group, ANY_VERSION, recordIdentifier, projection);
    }

    @Override
    public Optional<OnlineRecord> get(FeatureGroup group, long catalogVersion, String recordIdentifier,
                                      List<String> projection) {
        return lookups.get(readSessions, table(group), group, catalogVersion, recordIdentifier, projection);
    }

    @Override
    public Optional<OnlineRecord> getWithoutWaiting(FeatureGroup group, long catalogVersion, String recordIdentifier,
                                                    List<String> projection) {
        return lookups.get(neverWaitingSessions, table(group), group, catalogVersion, recordIdentifier, projection);
    }

    @Override
    public BatchGetResult batchGet(List<BatchGetIdentifier> identifiers, Function<String, Optional<FeatureGroup>> groups) {
        return new H2BatchGet(this, lookups, readSessions).run(identifiers, groups);
    }

    /** The table of a group, for {@link H2BatchGet}. */
    OnlineTable tableOf(FeatureGroup group) {
        return table(group);
    }

    @Override
    public long count(FeatureGroup group) {
        OnlineTable t = table(group);
        return run(group, "count the records of '" + group.name() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t.table + " WHERE NOT "
                    + OnlineTable.DELETED + " AND (" + OnlineTable.EXPIRES_AT + " IS NULL OR "
                    + OnlineTable.EXPIRES_AT + " > ?)")) {
                ps.setLong(1, clock.millis());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<String> listIds(FeatureGroup group, String afterId, int limit, boolean includeSoftDeleted) {
        OnlineTable t = table(group);
        Object after = afterId == null ? null : RecordValidator.parseRecordIdentifier(group.definition(), afterId);
        // The primary key index gives the order and the seek, so a page costs the same wherever it starts.
        String sql = "SELECT " + t.idColumn + " FROM " + t.table + " WHERE (" + OnlineTable.EXPIRES_AT
                + " IS NULL OR " + OnlineTable.EXPIRES_AT + " > ?)"
                + (includeSoftDeleted ? "" : " AND NOT " + OnlineTable.DELETED)
                + (after == null ? "" : " AND " + t.idColumn + " > ?")
                + " ORDER BY " + t.idColumn + " LIMIT ?";
        return run(group, "list the records of '" + group.name() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setLong(i++, clock.millis());
                if (after != null) {
                    t.bindId(ps, i++, after);
                }
                ps.setInt(i, limit);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public List<ExpiredRecord> expiredIds(FeatureGroup group, Instant now, int limit) {
        OnlineTable t = table(group);
        return run(group, "list the expired records of '" + group.name() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + t.idColumn + ", " + OnlineTable.EVENT_TIME
                    + ", " + OnlineTable.EXPIRES_AT + " FROM " + t.table + " WHERE " + OnlineTable.EXPIRES_AT
                    + " <= ? ORDER BY " + OnlineTable.EXPIRES_AT + " LIMIT ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setInt(2, limit);
                List<ExpiredRecord> expired = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        expired.add(new ExpiredRecord(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                                Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
                return expired;
            }
        });
    }

    @Override
    public boolean purgeExpired(Connection c, FeatureGroup group, String recordIdentifier, Instant now) {
        OnlineTable t = table(group);
        Object id = RecordValidator.parseRecordIdentifier(group.definition(), recordIdentifier);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t.table + " WHERE " + t.idColumn + " = ? AND "
                + OnlineTable.EXPIRES_AT + " <= ?")) {
            t.bindId(ps, 1, id);
            ps.setLong(2, now.toEpochMilli());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw error(group, "purge expired record '" + recordIdentifier + "' of '" + group.name() + "'", e);
        }
    }

    @Override
    public boolean purgeExpiredUnlessLocked(Connection c, FeatureGroup group, String recordIdentifier, Instant now) {
        OnlineTable t = table(group);
        Object id = RecordValidator.parseRecordIdentifier(group.definition(), recordIdentifier);
        // SKIP LOCKED: a row another transaction holds (a put of it in another process, or a lock
        // a killed process left) reads as absent instead of making the purge wait.
        try (PreparedStatement ps = c.prepareStatement("SELECT " + t.idColumn + " FROM " + t.table + " WHERE "
                + t.idColumn + " = ? AND " + OnlineTable.EXPIRES_AT + " <= ? FOR UPDATE SKIP LOCKED")) {
            t.bindId(ps, 1, id);
            ps.setLong(2, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
            }
        } catch (SQLException e) {
            throw error("lock expired record '" + recordIdentifier + "' of '" + group.name() + "' for its purge", e);
        }
        return purgeExpired(c, group, recordIdentifier, now);
    }

    @Override
    public void close() {
        readSessions.close();
        neverWaitingSessions.close();
    }

    /** Work on a connection of the store's own. */
    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** {@link #run(String, ConnectionWork)} on a group's table: a missing or unreadable table says so. */
    private <T> T run(FeatureGroup group, String what, ConnectionWork<T> work) {
        try {
            return run(what, work);
        } catch (FeatureStoreException e) {
            if (e.getCause() instanceof SQLException sql) {
                FeatureStoreException unreadable = OnlineTableFailure.of(group, what, sql);
                if (unreadable != null) {
                    throw unreadable;
                }
            }
            throw e;
        }
    }

    private <T> T run(String what, ConnectionWork<T> work) {
        try {
            // Each work is one statement or a transaction of its own: repeatable after a lost connection.
            return Retry.onLostConnection(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return work.run(c);
                }
            });
        } catch (SQLException e) {
            throw error(what, e);
        }
    }

    /**
     * Runs {@code work} in a transaction of its own on a kept session connection (borrowing one
     * from the pool per write costs more than the write), committed on success, else rolled back.
     */
    private <T> T inTransaction(Function<Connection, T> work) {
        try {
            return readSessions.with(s -> {
                Connection c = s.connection();
                c.setAutoCommit(false);
                try {
                    T result = work.apply(c);
                    c.commit();
                    return result;
                } catch (RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    // Sessions go back as they came: in auto-commit mode, for the next lookup.
                    c.setAutoCommit(true);
                }
            });
        } catch (SQLException e) {
            throw error("commit an online write", e);
        }
    }

    /** {@link #error(String, SQLException)}, saying so when the group's table is missing or unreadable. */
    static FeatureStoreException error(FeatureGroup group, String what, SQLException e) {
        FeatureStoreException unreadable = OnlineTableFailure.of(group, what, e);
        if (unreadable != null) {
            return unreadable;
        }
        if (TableBeingAltered.columnMissing(e)) {
            // addFeatures commits the catalog before it alters the table: a definition read in
            // between (here or in another process) names columns the ALTER has not added yet
            return new GroupChangingException("could not " + what + ": features are being added to feature group '"
                    + group.name() + "' and its online table does not have them yet; retry in a moment (if this"
                    + " persists, run 'feature-workbench check', then 'feature-workbench repair')", e);
        }
        return error(what, e);
    }

    private static FeatureStoreException error(String what, SQLException e) {
        return new FeatureStoreException("could not " + what + ": " + EngineMessages.plain(e), e);
    }
}
