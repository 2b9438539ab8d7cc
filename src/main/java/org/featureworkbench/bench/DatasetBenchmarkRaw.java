package org.featureworkbench.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;
import org.featureworkbench.query.ExportFormat;

/**
 * The raw side of {@code bench dataset}: the point-in-time join hand-written as DuckDB
 * {@code ASOF LEFT JOIN}s over the same offline hour files, in a plain in-memory connection.
 *
 * <p>It is the least SQL that gives the right rows <em>on this data</em>: event times become
 * instants as the engine's own views do (ISO text cast to TIMESTAMPTZ, epoch seconds rounded to
 * milliseconds), and rows are written in the builder's order (base event time, id, label). It does
 * no deduplication, no delete markers and no {@code write_time} cut-off: the generated data has no
 * duplicates or deletes, so a correct builder must give the same rows, and this is the floor it is
 * measured against.
 */
final class DatasetBenchmarkRaw {
    private DatasetBenchmarkRaw() {
    }

    /**
     * The join's SELECT.
     *
     * @param baseCsv      the base file
     * @param groups       the joined groups, in join order
     * @param groupSources one DuckDB table expression per group (its hour files), same order
     */
    static String select(Path baseCsv, List<DatasetBenchmarkGroup> groups, List<String> groupSources) {
        String id = DatasetBenchmarkGroup.ID;
        StringBuilder sql = new StringBuilder("WITH base AS (SELECT *, CAST(").append(DatasetBenchmarkData.BASE_TIME)
                .append(" AS TIMESTAMPTZ) AS _t FROM read_csv(").append(literal(baseCsv.toAbsolutePath().toString()))
                .append(", header = true, columns = {'").append(id).append("': 'BIGINT', '")
                .append(DatasetBenchmarkData.BASE_TIME).append("': 'VARCHAR', '").append(DatasetBenchmarkData.LABEL)
                .append("': 'BIGINT'}))");
        StringJoiner columns = new StringJoiner(", ");
        for (DatasetBenchmarkColumn c : DatasetBenchmarkData.BASE_COLUMNS) {
            columns.add("b." + c.name());
        }
        StringBuilder joins = new StringBuilder();
        for (int i = 0; i < groups.size(); i++) {
            DatasetBenchmarkGroup g = groups.get(i);
            String alias = "g" + i;
            StringJoiner features = new StringJoiner(", ");
            for (DatasetBenchmarkColumn c : g.outputColumns()) {
                features.add(c.name());
                columns.add(alias + "." + c.name());
            }
            sql.append(",\n").append(alias).append(" AS (SELECT ").append(id).append(", ").append(features)
                    .append(", ").append(instant(g.time())).append(" AS _t FROM ").append(groupSources.get(i)).append(')');
            joins.append("\nASOF LEFT JOIN ").append(alias).append(" ON b.").append(id).append(" = ").append(alias)
                    .append('.').append(id).append(" AND b._t >= ").append(alias).append("._t");
        }
        return sql.append("\nSELECT ").append(columns).append("\nFROM base b").append(joins)
                .append("\nORDER BY b._t, b.").append(id).append(", b.").append(DatasetBenchmarkData.LABEL).toString();
    }

    /** Writes {@code select}'s rows to {@code out} in {@code format}, with the builder's COPY options. */
    static void copy(Connection raw, String select, Path out, ExportFormat format) throws SQLException {
        String options = format == ExportFormat.PARQUET ? "(FORMAT PARQUET, COMPRESSION ZSTD)" : "(FORMAT CSV, HEADER true)";
        try (Statement s = raw.createStatement()) {
            s.execute("COPY (" + select + ") TO " + literal(out.toAbsolutePath().toString()) + " " + options);
        }
    }

    /** An event time as an instant, the way the engine's views compute it. */
    static String instant(DatasetBenchmarkColumn time) {
        return time.kind() == DatasetBenchmarkColumn.Kind.EPOCH_TIME
                ? "make_timestamp(CAST(round(" + time.name() + " * 1000) AS BIGINT) * 1000)::TIMESTAMPTZ"
                : "CAST(" + time.name() + " AS TIMESTAMPTZ)";
    }

    static String hourFiles(Path groupFolder) {
        return "read_parquet(" + literal(groupFolder.toAbsolutePath() + "/data/**/*.parquet")
                + ", hive_partitioning = false, union_by_name = true)";
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
