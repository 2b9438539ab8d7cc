package org.featureworkbench.offline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;

/**
 * Reads a group's offline files with DuckDB, the way the query layer and outside tools do:
 * {@code read_parquet('<glob>', hive_partitioning = true, union_by_name = true)}, so the
 * partition folders become {@code year}, {@code month}, {@code day}, {@code hour} columns and a
 * file older than a feature reads that column as NULL.
 *
 * <p>Each call opens its own in-memory DuckDB connection and holds an {@link OfflineReadLease}
 * while it reads, so compaction never swaps files under it. Thread-safe. Timestamps come back as
 * {@link java.time.Instant}s; other values as DuckDB's JDBC driver returns them (Long, Double,
 * String, Boolean).
 */
public final class DuckDbOfflineReader {
    /** The view name under which {@link #query} exposes a group's rows. */
    public static final String VIEW = "offline_rows";

    private final OfflineStore store;

    public DuckDbOfflineReader(OfflineStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Every row of every published file, columns in DuckDB's order; empty when there are no files. */
    public List<Map<String, Object>> readAll(FeatureGroup group) {
        return query(group, "SELECT * FROM " + VIEW);
    }

    /** Column name → DuckDB type (e.g. {@code BIGINT}, {@code TIMESTAMP WITH TIME ZONE}); empty without files. */
    public Map<String, String> describe(FeatureGroup group) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Map<String, Object> row : query(group, "DESCRIBE SELECT * FROM " + VIEW)) {
            columns.put((String) row.get("column_name"), (String) row.get("column_type"));
        }
        return columns;
    }

    /**
     * Runs one SQL statement over the group's rows, exposed as the view {@value #VIEW}.
     * Returns an empty list, without running the statement, when the group has no files yet.
     */
    public List<Map<String, Object>> query(FeatureGroup group, String sql) {
        try (OfflineReadLease lease = store.openReadLease(group)) {
            if (lease.files().isEmpty()) {
                return List.of();
            }
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE VIEW " + VIEW + " AS SELECT * FROM read_parquet('"
                        + lease.glob().replace("'", "''") + "', hive_partitioning = true, union_by_name = true)");
                try (ResultSet rs = statement.executeQuery(sql)) {
                    return rows(rs);
                }
            }
        } catch (SQLException e) {
            throw new FeatureStoreException("DuckDB could not read the offline files of feature group '"
                    + group.name() + "' (" + store.readGlob(group) + "): " + e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                Object value = rs.getObject(c);
                if (value instanceof OffsetDateTime odt) {
                    value = odt.toInstant();
                } else if (value instanceof Timestamp ts) {
                    value = ts.toInstant();
                }
                row.put(meta.getColumnLabel(c), value);
            }
            rows.add(row);
        }
        return rows;
    }
}
