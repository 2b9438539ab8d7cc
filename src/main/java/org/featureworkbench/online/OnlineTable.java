package org.featureworkbench.online;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.registry.CatalogVersions;

/**
 * One group's online table at one schema version (feature list): its quoted names and the SQL
 * to read and write it, built once and kept by {@link H2OnlineStore} so lookups only bind and run.
 * Immutable apart from its projection cache; thread-safe.
 *
 * <p>Feature columns carry the feature's exact name, quoted (names are case-sensitive and may
 * hold {@code -}). Bookkeeping columns start with {@code _}, which no SageMaker feature name can,
 * so they never collide with a feature.
 */
final class OnlineTable {
    static final String EVENT_TIME = quote("_event_time_ms");
    static final String EXPIRES_AT = quote("_expires_at_ms");
    static final String DELETED = quote("_is_deleted");
    static final String INVOKED_AT = quote("_api_invocation_time_ms");
    private static final String BOOKKEEPING = EVENT_TIME + ", " + EXPIRES_AT + ", " + DELETED;

    final String groupName;
    final String table;
    final List<FeatureDefinition> features;
    final FeatureDefinition id;
    final String idColumn;
    final String lockSql;
    /**
     * {@link #lockSql} naming every feature's column too: a hard delete (whose DELETE names none)
     * fails with "column not found" while features are being added, like any other write, instead
     * of deleting from the table H2 is copying, which the copy would then bring back.
     */
    final String lockEveryColumnSql;
    final String insertSql;
    final String updateSql;
    /** {@link #updateSql} only where the stored version is older or expired: {@code …, eventMs, nowMs}. */
    final String updateIfNewerSql;
    private final Projection all;
    private final Map<List<String>, Projection> projections = new ConcurrentHashMap<>();
    private volatile String mergeSql;

    /**
     * The columns a lookup returns and its SQL: the projected features, then the bookkeeping.
     * {@code versionedSql} also returns the group's catalog version (its first parameter is the
     * group name, its second the id), so a cached definition is checked in the same statement.
     */
    record Projection(List<FeatureDefinition> features, String selectSql, String versionedSql) {
    }

    OnlineTable(FeatureGroup group) {
        groupName = group.name();
        table = quote(tableName(group));
        features = group.features();
        id = group.definition().recordIdentifierFeature();
        idColumn = quote(id.name());
        lockSql = "SELECT " + BOOKKEEPING + ", " + INVOKED_AT + " FROM " + table + " WHERE " + idColumn + " = ? FOR UPDATE";
        lockEveryColumnSql = "SELECT " + BOOKKEEPING + ", " + INVOKED_AT + ", " + columns(features) + " FROM " + table
                + " WHERE " + idColumn + " = ? FOR UPDATE";
        insertSql = "INSERT INTO " + table + " (" + columns(features) + ", " + BOOKKEEPING + ", " + INVOKED_AT
                + ") VALUES (" + "?, ".repeat(features.size() + 3) + "?)";
        List<FeatureDefinition> updated = features.stream().filter(f -> f != id).toList();
        updateSql = "UPDATE " + table + " SET " + updated.stream().map(f -> quote(f.name()) + " = ?")
                .collect(Collectors.joining(", ")) + (updated.isEmpty() ? "" : ", ") + EVENT_TIME + " = ?, "
                + EXPIRES_AT + " = ?, " + DELETED + " = ?, " + INVOKED_AT + " = ? WHERE " + idColumn + " = ?";
        updateIfNewerSql = updateSql + " AND (" + EVENT_TIME + " < ? OR " + EXPIRES_AT + " <= ?)";
        all = projectionOf(features);
    }

    /**
     * Recent single puts: +1 for each that inserted a new row, -1 for each that met a stored one,
     * kept within ±16. Racy on purpose: it only picks which statement a put tries first.
     */
    private volatile int insertScore;

    /** Whether recent puts mostly inserted new records (so a put should try INSERT before UPDATE). */
    boolean mostlyInserts() {
        return insertScore > 0;
    }

    void notePut(boolean inserted) {
        int score = insertScore + (inserted ? 1 : -1);
        insertScore = Math.max(-16, Math.min(16, score));
    }

    /** Whether batch writes should try a plain INSERT first: no batch of this table has met a stored id yet. */
    private volatile boolean insertsFirst = true;

    boolean insertsFirst() {
        return insertsFirst;
    }

    /** A batch met a stored id: later batches MERGE straight away. */
    void noteInsertConflict() {
        insertsFirst = false;
    }

    /** The conditional batch upsert of {@link H2BatchUpsert}, built on first use. */
    String mergeSql() {
        String sql = mergeSql;
        if (sql == null) {
            sql = H2BatchUpsert.mergeSql(this);
            mergeSql = sql;
        }
        return sql;
    }

    /** The ids among an array parameter the table holds (an index lookup per id). */
    String existingIdsSql() {
        // A join against the unnested ids, so H2 looks each one up in the primary key (a WHERE id = ANY(?)
        // scans the whole table in H2 2.x).
        return "SELECT T." + idColumn + " FROM UNNEST(CAST(? AS " + columnType(id.type(), true) + " ARRAY)) S(X) JOIN "
                + table + " T ON T." + idColumn + " = S.X";
    }

    /** {@code FWB_ONLINE_<group>_<creation epoch s>}: a re-created group never sees an old table. */
    static String tableName(FeatureGroup group) {
        return "FWB_ONLINE_" + group.name() + "_" + group.creationTime().getEpochSecond();
    }

    /** A quoted identifier; SageMaker names hold no quote, but escaping keeps any name safe. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String columnType(FeatureType type, boolean recordId) {
        return switch (type) {
            case INTEGRAL -> "BIGINT";
            case FRACTIONAL -> "DOUBLE PRECISION";
            // 2 KB of UTF-8 is at most 2048 characters; a 350 KB value at most 358,400, within
            // H2's 1,000,000-character VARCHAR limit, so values stay inline in the row.
            case STRING -> recordId ? "CHARACTER VARYING(2048)" : "CHARACTER VARYING(1000000)";
        };
    }

    String createSql() {
        String featureColumns = features.stream()
                .map(f -> quote(f.name()) + " " + columnType(f.type(), f == id) + (f == id ? " NOT NULL" : ""))
                .collect(Collectors.joining(", "));
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + featureColumns + ", "
                + EVENT_TIME + " BIGINT NOT NULL, " + EXPIRES_AT + " BIGINT, " + DELETED + " BOOLEAN NOT NULL, "
                + INVOKED_AT + " BIGINT NOT NULL, PRIMARY KEY (" + idColumn + "))";
    }

    String expiryIndexSql() {
        return "CREATE INDEX IF NOT EXISTS " + quote(tableName() + "_EXPIRES") + " ON " + table + " (" + EXPIRES_AT + ")";
    }

    private String tableName() {
        return table.substring(1, table.length() - 1);
    }

    /**
     * The lookup for these feature names (all when null or empty), cached per distinct list.
     *
     * @throws ValidationException naming a feature the group lacks
     */
    Projection projection(List<String> names) {
        if (names == null || names.isEmpty()) {
            return all;
        }
        Projection cached = projections.get(names);
        if (cached != null) {
            return cached;
        }
        List<FeatureDefinition> chosen = names.stream().map(n -> features.stream().filter(f -> f.name().equals(n))
                .findFirst().orElseThrow(() -> new ValidationException("FeatureNames", "feature group '" + groupName
                        + "' has no feature '" + n + "'; its features are "
                        + features.stream().map(FeatureDefinition::name).collect(Collectors.joining(", ")))))
                .toList();
        // Bounded: a caller sending endless distinct projections must not grow the cache forever.
        if (projections.size() > 256) {
            projections.clear();
        }
        Projection p = projectionOf(chosen);
        projections.put(List.copyOf(names), p);
        return p;
    }

    private Projection projectionOf(List<FeatureDefinition> chosen) {
        String select = "SELECT " + columns(chosen) + ", " + BOOKKEEPING;
        String where = " FROM " + table + " WHERE " + idColumn + " = ?";
        return new Projection(chosen, select + where, select + ", " + CatalogVersions.SUBQUERY + where);
    }

    private static String columns(List<FeatureDefinition> list) {
        return list.stream().map(f -> quote(f.name())).collect(Collectors.joining(", "));
    }

    void bindId(PreparedStatement ps, int index, Object recordId) throws SQLException {
        bind(ps, index, id.type(), recordId);
    }

    static void bind(PreparedStatement ps, int index, FeatureType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, switch (type) {
                case INTEGRAL -> Types.BIGINT;
                case FRACTIONAL -> Types.DOUBLE;
                case STRING -> Types.VARCHAR;
            });
            return;
        }
        switch (type) {
            case INTEGRAL -> ps.setLong(index, (Long) value);
            case FRACTIONAL -> ps.setDouble(index, (Double) value);
            case STRING -> ps.setString(index, (String) value);
        }
    }

    static Object read(ResultSet rs, int index, FeatureType type) throws SQLException {
        return switch (type) {
            case INTEGRAL -> {
                long v = rs.getLong(index);
                yield rs.wasNull() ? null : v;
            }
            case FRACTIONAL -> {
                double v = rs.getDouble(index);
                yield rs.wasNull() ? null : v;
            }
            case STRING -> rs.getString(index);
        };
    }
}
