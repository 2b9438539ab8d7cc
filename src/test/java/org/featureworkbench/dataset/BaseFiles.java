package org.featureworkbench.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.featureworkbench.dataset.reference.BaseTable;

/**
 * Writes a generated base as the entity file a user would bring: CSV text, or Parquet with typed
 * columns. Holds one in-memory DuckDB for the Parquet files; not thread-safe.
 */
final class BaseFiles implements AutoCloseable {
    private final Connection db;

    BaseFiles() {
        try {
            db = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    static void csv(BaseTable table, Path file) {
        StringBuilder text = new StringBuilder(String.join(",", table.columns())).append('\n');
        for (List<Object> row : table.rows()) {
            text.append(row.stream().map(String::valueOf).collect(Collectors.joining(","))).append('\n');
        }
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Parquet file: Long cells as BIGINT, the time column as {@code timeType} (TIMESTAMPTZ, DOUBLE or
     * VARCHAR, with cells to match: Instant, Double or text), everything else VARCHAR.
     */
    void parquet(BaseTable table, String timeType, Path file) {
        int time = table.column(table.timeColumn());
        StringBuilder create = new StringBuilder("CREATE TABLE base (");
        for (int c = 0; c < table.columns().size(); c++) {
            Object sample = table.rows().get(0).get(c);
            String type = c == time ? timeType : sample instanceof Long ? "BIGINT" : "VARCHAR";
            create.append(c == 0 ? "" : ", ").append('"').append(table.columns().get(c)).append("\" ").append(type);
        }
        String marks = table.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS base");
            s.execute(create + ")");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO base VALUES (" + marks + ")")) {
                for (List<Object> row : table.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        Object cell = row.get(c);
                        insert.setObject(c + 1, cell instanceof java.time.Instant i
                                ? java.time.OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC) : cell);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            s.execute("COPY base TO '" + file.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the base " + file + ": " + e.getMessage(), e);
        }
    }
}
