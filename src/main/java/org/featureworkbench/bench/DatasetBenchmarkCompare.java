package org.featureworkbench.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Checks that the sides of {@code bench dataset} wrote the same dataset, whatever their file format
 * and however each writer renders values. Each output is read with DuckDB into a canonical form —
 * integers as exact decimals (so pandas' {@code 35.0} equals {@code 35}, but {@code 35.5} does not),
 * doubles to 15 significant digits (writers may differ in the last bits, not in the value), event
 * times as epoch milliseconds (ISO text, a timestamp or epoch seconds alike), text as-is with an
 * empty cell read as missing — and compared with the reference by {@code EXCEPT ALL} both ways:
 * the same multiset of rows, so order does not matter.
 */
final class DatasetBenchmarkCompare {
    /**
     * One output against the reference.
     *
     * @param name     the side and format
     * @param rows     its row count
     * @param missing  reference rows it lacks (counting duplicates)
     * @param extra    its rows the reference lacks
     * @param examples a few differing rows, for the report
     * @param error    why it could not be read or compared (null when it was)
     */
    record Outcome(String name, long rows, long missing, long extra, List<String> examples, String error) {
        boolean equal() {
            return error == null && missing == 0 && extra == 0;
        }

        String describe(long referenceRows) {
            if (error != null) {
                return name + ": not comparable: " + error;
            }
            return String.format(Locale.ROOT, "%s: %,d rows (reference %,d), %,d reference rows missing, %,d extra%s",
                    name, rows, referenceRows, missing, extra, equal() ? " -- equal" : " -- DIFFERENT, e.g. "
                            + String.join(" ; ", examples));
        }
    }

    private DatasetBenchmarkCompare() {
    }

    /** A DuckDB table expression over an output file: CSV cells all read as text, Parquet as typed. */
    static String source(Path file) {
        String path = DatasetBenchmarkRaw.literal(file.toAbsolutePath().toString());
        return file.getFileName().toString().endsWith(".parquet") ? "read_parquet(" + path + ")"
                : "read_csv(" + path + ", header = true, all_varchar = true)";
    }

    /** The canonical SELECT of {@code columns} from {@code source} (see the class comment). */
    static String canonicalSelect(String source, List<DatasetBenchmarkColumn> columns) {
        StringJoiner select = new StringJoiner(", ", "SELECT ", " FROM " + source);
        for (DatasetBenchmarkColumn c : columns) {
            select.add(canonical(c) + " AS \"" + c.name() + "\"");
        }
        return select.toString();
    }

    static String canonical(DatasetBenchmarkColumn c) {
        String v = "NULLIF(CAST(\"" + c.name() + "\" AS VARCHAR), '')";
        return switch (c.kind()) {
            case INTEGER -> "CAST(" + v + " AS DECIMAL(38, 6))";
            case DOUBLE -> "printf('%.15g', CAST(" + v + " AS DOUBLE))";
            case TEXT -> v;
            // Epoch seconds never contain ':'; ISO text and rendered timestamps always do.
            case ISO_TIME, EPOCH_TIME -> "CASE WHEN contains(" + v + ", ':') THEN epoch_ms(CAST(" + v
                    + " AS TIMESTAMPTZ)) ELSE CAST(round(CAST(" + v + " AS DOUBLE) * 1000) AS BIGINT) END";
        };
    }

    /** Loads the reference output into the temp table {@code cmp_reference} and returns its row count. */
    static long loadReference(Connection c, Path reference, List<DatasetBenchmarkColumn> columns) throws SQLException {
        return load(c, "cmp_reference", reference, columns);
    }

    /** Compares one output with the reference loaded by {@link #loadReference}. */
    static Outcome compare(Connection c, String name, Path output, List<DatasetBenchmarkColumn> columns) {
        try {
            long rows = load(c, "cmp_other", output, columns);
            List<String> examples = new ArrayList<>();
            long missing = difference(c, "cmp_reference", "cmp_other", "only in reference", examples);
            long extra = difference(c, "cmp_other", "cmp_reference", "only in " + name, examples);
            return new Outcome(name, rows, missing, extra, examples, null);
        } catch (SQLException e) {
            return new Outcome(name, -1, -1, -1, List.of(), e.getMessage());
        }
    }

    private static long load(Connection c, String table, Path file, List<DatasetBenchmarkColumn> columns)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE " + table + " AS " + canonicalSelect(source(file), columns));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long difference(Connection c, String left, String right, String label, List<String> examples)
            throws SQLException {
        String except = "SELECT * FROM " + left + " EXCEPT ALL SELECT * FROM " + right;
        try (Statement s = c.createStatement()) {
            long count;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + except + ")")) {
                rs.next();
                count = rs.getLong(1);
            }
            if (count > 0) {
                try (ResultSet rs = s.executeQuery(except + " LIMIT 2")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringJoiner row = new StringJoiner(", ", label + ": (", ")");
                        for (int i = 1; i <= n; i++) {
                            row.add(String.valueOf(rs.getString(i)));
                        }
                        examples.add(row.toString());
                    }
                }
            }
            return count;
        }
    }
}
