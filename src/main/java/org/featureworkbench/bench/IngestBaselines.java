package org.featureworkbench.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collection;

/**
 * The raw engines {@code bench ingest} compares against, on the same data in the same run:
 * DuckDB's own CSV-to-Parquet {@code COPY}, and a plain H2 batch insert of the rows the online
 * store should end up with (already deduplicated, so the baseline does no reading at all).
 */
final class IngestBaselines {
    /** Rows per JDBC batch and commit, the same as the ingest's online transactions. */
    static final int H2_BATCH = 10_000;

    private IngestBaselines() {
    }

    /** Seconds DuckDB takes for {@code COPY (SELECT * FROM read_csv(csv)) TO parquet (FORMAT PARQUET)}. */
    /**
     * For context, not a goal: the same COPY into the offline store's layout, one folder per
     * event-time hour (DuckDB's PARTITION_BY), so the cost of writing 720 files instead of one
     * shows apart from the cost of the engine.
     */
    static double duckDbCopyPerHour(Path csv, Path directory) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            long t = System.nanoTime();
            s.execute("COPY (SELECT *, year(e) AS year, month(e) AS month, day(e) AS day, hour(e) AS hour FROM ("
                    + "SELECT *, CAST(event_time AS TIMESTAMP) AS e FROM read_csv('" + sql(csv) + "'))) TO '"
                    + sql(directory) + "' (FORMAT PARQUET, PARTITION_BY (year, month, day, hour))");
            return (System.nanoTime() - t) / 1e9;
        }
    }

    static double duckDbCopy(Path csv, Path parquet) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            long t = System.nanoTime();
            s.execute("COPY (SELECT * FROM read_csv('" + sql(csv) + "')) TO '" + sql(parquet) + "' (FORMAT PARQUET)");
            return (System.nanoTime() - t) / 1e9;
        }
    }

    /**
     * Seconds a plain H2 file database takes to batch-insert {@code rows} into a table shaped like
     * an online table (same column types, primary key and bookkeeping columns).
     */
    static double h2Insert(Path directory, Collection<IngestBenchmarkFile.Row> rows) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("raw"), "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE RAW (\"customer_id\" CHARACTER VARYING(2048) NOT NULL, "
                        + "\"event_time\" CHARACTER VARYING(1000000), \"age\" BIGINT, \"orders\" BIGINT, \"visits\" BIGINT, "
                        + "\"score\" DOUBLE PRECISION, \"balance\" DOUBLE PRECISION, \"ratio\" DOUBLE PRECISION, "
                        + "\"city\" CHARACTER VARYING(1000000), \"segment\" CHARACTER VARYING(1000000), "
                        + "\"email\" CHARACTER VARYING(1000000), \"note\" CHARACTER VARYING(1000000), "
                        + "\"_event_time_ms\" BIGINT NOT NULL, \"_expires_at_ms\" BIGINT, \"_is_deleted\" BOOLEAN NOT NULL, "
                        + "\"_api_invocation_time_ms\" BIGINT NOT NULL, PRIMARY KEY (\"customer_id\"))");
            }
            c.setAutoCommit(false);
            long t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO RAW VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (IngestBenchmarkFile.Row r : rows) {
                    ps.setString(1, r.id());
                    ps.setString(2, r.eventTime());
                    ps.setLong(3, r.age());
                    ps.setLong(4, r.orders());
                    ps.setLong(5, r.visits());
                    ps.setDouble(6, r.score());
                    ps.setDouble(7, r.balance());
                    ps.setDouble(8, r.ratio());
                    ps.setString(9, r.city());
                    ps.setString(10, r.segment());
                    ps.setString(11, r.email());
                    ps.setString(12, r.note());
                    ps.setLong(13, r.eventSecond() * 1000);
                    ps.setNull(14, Types.BIGINT);
                    ps.setBoolean(15, false);
                    ps.setLong(16, 0);
                    ps.addBatch();
                    if (++pending == H2_BATCH) {
                        ps.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            return (System.nanoTime() - t) / 1e9;
        }
    }

    private static String sql(Path path) {
        return path.toAbsolutePath().toString().replace("'", "''");
    }
}
