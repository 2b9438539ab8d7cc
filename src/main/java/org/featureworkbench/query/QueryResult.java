package org.featureworkbench.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.model.FeatureStoreException;

/**
 * A query's result kept inside DuckDB (a temporary table, spilled to disk when large), read a
 * page at a time: a 10M-row result never sits in the Java heap. Holds its own DuckDB connection
 * until {@link #close}. Thread-safe (pages are read one at a time).
 */
public final class QueryResult implements AutoCloseable {
    private final Connection connection;
    private final String table;
    private final List<ResultColumn> columns;
    private final long rowCount;
    private final Duration elapsed;
    private final String sql;
    private boolean closed;

    QueryResult(Connection connection, String table, List<ResultColumn> columns, long rowCount, Duration elapsed,
                String sql) {
        this.connection = connection;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.rowCount = rowCount;
        this.elapsed = elapsed;
        this.sql = sql;
    }

    public List<ResultColumn> columns() {
        return columns;
    }

    public long rowCount() {
        return rowCount;
    }

    /** How long the query took to run (not counting paging). */
    public Duration elapsed() {
        return elapsed;
    }

    /** The statement that ran (after the console's checks). */
    public String sql() {
        return sql;
    }

    /**
     * Rows {@code [offset, offset + limit)} in the query's order, values as {@link Values#plain}
     * makes them. Fewer (or none) at the end.
     */
    public synchronized List<Object[]> page(long offset, int limit) {
        if (closed) {
            throw new FeatureStoreException("this query result was closed; run the query again");
        }
        List<Object[]> rows = new ArrayList<>(Math.min(limit, 4096));
        // rowid of a table made by CREATE TABLE AS is the insertion order, which keeps the query's ORDER BY.
        String select = "SELECT * EXCLUDE (rowid) FROM (SELECT rowid, * FROM " + table + " WHERE rowid >= " + offset
                + " AND rowid < " + (offset + limit) + ") ORDER BY rowid";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(select)) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int c = 0; c < n; c++) {
                    row[c] = Values.plain(rs.getObject(c + 1));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new FeatureStoreException("could not read rows of the query result: "
                    + QueryDatabase.firstLine(e.getMessage()), e);
        }
        return rows;
    }

    /** How {@link #select} SQL names this result. */
    public static final String SELF = "{result}";

    /**
     * Runs a read-only query over this result, named {@value #SELF} in {@code sql}, on the result's
     * own connection, and returns all its rows: for small summaries of a large result (statistics of
     * a snapshot, a chart's reduction) without computing the result again. The console's checks apply.
     */
    public synchronized List<Object[]> select(String sql, QueryCancellation cancellation) {
        if (closed) {
            throw new FeatureStoreException("this query result was closed; run the query again");
        }
        String text = sql.replace(SELF, table);
        StatementGuard.check(connection, text);
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            cancellation.attach(s);
            if (cancellation.isCancelled()) {
                throw new QueryException("the query was cancelled");
            }
            try (ResultSet rs = s.executeQuery(text)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int c = 0; c < n; c++) {
                        row[c] = Values.plain(rs.getObject(c + 1));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new QueryException(cancellation.isCancelled() ? "the query was cancelled"
                    : DuckDbErrors.describe(e.getMessage()), e);
        } finally {
            cancellation.detach();
        }
        return rows;
    }

    /** Drops the result inside DuckDB. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException ignored) {
            // the connection is closed next, which drops temporary tables anyway
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing to keep
        }
    }
}
