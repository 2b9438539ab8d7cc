package org.featureworkbench.query.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.query.GroupTables;
import org.featureworkbench.query.Sql;

/**
 * The SQL of a group's statistics, in two scans: {@link #summary} (one aggregate over every
 * feature: counts, distinct, min/max/mean/std/quartiles) and {@link #distributions} (histograms on
 * bins chosen from the summary, top values, rows over time; one statement). Thread-safe.
 */
final class SummaryQuery {
    static final int TOP_VALUES = 10;
    static final double[] QUARTILES = {0.25, 0.5, 0.75};
    private static final String QUARTILE_LIST = "[0.25, 0.5, 0.75]";
    /** Rows sampled for approximate quartiles: rank error well under 1 % at this size. */
    static final int RESERVOIR = 65_536;
    /** Columns per feature in the summary row: count, distinct, then for numbers min, max, mean, std, p25, p50, p75. */
    static final int NUMERIC_COLUMNS = 9;

    private SummaryQuery() {
    }

    /**
     * @param exact exact distinct counts and quartiles ({@code count(DISTINCT)}, {@code quantile_cont}), for
     *              groups small enough that their memory does not matter; else HyperLogLog and t-digest
     */
    static String summary(String source, List<FeatureDefinition> features, boolean exact) {
        StringBuilder sql = new StringBuilder("SELECT count(*), min(").append(GroupTables.EVENT_INSTANT)
                .append("), max(").append(GroupTables.EVENT_INSTANT).append(")");
        for (FeatureDefinition f : features) {
            String c = Sql.identifier(f.name());
            sql.append(",\n count(").append(c).append("), ")
                    .append(exact ? "count(DISTINCT " : "approx_count_distinct(").append(c).append(")");
            if (f.type() != FeatureType.STRING) {
                String d = "CAST(" + c + " AS DOUBLE)";
                sql.append(", min(").append(d).append("), max(").append(d).append("), avg(").append(d)
                        .append("), stddev_samp(").append(d).append(")");
                // One list-valued aggregate per feature: DuckDB computes an identical aggregate once,
                // so the three quartiles cost one sort (exact) or one reservoir sample (approximate).
                // t-digest (approx_quantile) was 3-5x slower on 10M rows and busted the 5 s goal.
                String quartiles = exact ? "quantile_cont(" + d + ", " + QUARTILE_LIST + ")"
                        : "reservoir_quantile(" + d + ", " + QUARTILE_LIST + ", " + RESERVOIR + ")";
                for (int q = 1; q <= QUARTILES.length; q++) {
                    sql.append(", ").append(quartiles).append("[").append(q).append("]");
                }
            }
        }
        return sql.append("\nFROM (").append(source).append(")").toString();
    }

    /**
     * One statement returning rows {@code (kind, feature, key, n)}: kind {@code h} a histogram bin
     * (key = bin index), {@code v} a top value, {@code t} a time bucket (key = its UTC start).
     *
     * @param bins        the bins of each numeric feature that has values
     * @param strings     String features that have values
     */
    static String distributions(String source, Map<String, BinRule> bins, Collection<String> strings, TimeBuckets time) {
        List<String> parts = new ArrayList<>();
        // One GROUP BY per numeric feature, not an UNPIVOT of all of them into one (feature, bin)
        // stream: 0.44 s against 1.1 s for 6 features on 10M rows. NULLs have no bin (as UNPIVOT).
        for (Map.Entry<String, BinRule> e : bins.entrySet()) {
            String bin = e.getValue().indexSql("CAST(" + Sql.identifier(e.getKey()) + " AS DOUBLE)");
            parts.add("SELECT 'h' AS kind, " + Sql.literal(e.getKey()) + " AS feature, CAST(bin AS VARCHAR) AS key, "
                    + "count(*) AS n FROM (SELECT " + bin + " AS bin FROM src) WHERE bin IS NOT NULL GROUP BY bin");
        }
        // One GROUP BY per String feature rather than an UNPIVOT of all of them: hashing (feature,
        // value) pairs of every row was 2-4x slower on 1M rows, most of it for the near-unique ids.
        for (String feature : strings) {
            String c = Sql.identifier(feature);
            parts.add("SELECT 'v' AS kind, " + Sql.literal(feature) + " AS feature, CAST(" + c + " AS VARCHAR) AS key, "
                    + "count(*) AS n FROM src WHERE " + c + " IS NOT NULL GROUP BY " + c
                    + " ORDER BY n DESC, key LIMIT " + TOP_VALUES);
        }
        // Truncate a plain UTC timestamp and format each bucket once, after grouping: truncating and
        // formatting the TIMESTAMPTZ of every row took 1.2 s on 10M rows, this 0.1 s.
        parts.add("SELECT 't' AS kind, NULL AS feature, " + time.formatSql("k") + " AS key, n FROM (SELECT "
                + time.truncateSql("make_timestamp(epoch_us(" + GroupTables.EVENT_INSTANT + "))")
                + " AS k, count(*) AS n FROM src GROUP BY k)");
        // DuckDB materialises a CTE named more than once unless told not to: each part scanning only its
        // own columns (of the copy, or of a snapshot already kept as a result) is far cheaper than a
        // temporary copy of every column.
        StringBuilder sql = new StringBuilder("WITH src AS NOT MATERIALIZED ")
                .append("(").append(source).append(")\n");
        for (int i = 0; i < parts.size(); i++) {
            sql.append(i == 0 ? "" : "\nUNION ALL\n").append("SELECT * FROM (").append(parts.get(i)).append(")");
        }
        return sql.toString();
    }


    /** Rows of {@link #distributions} grouped: kind → feature → key → n. */
    static Map<String, Map<String, Map<String, Long>>> group(List<Object[]> rows) {
        Map<String, Map<String, Map<String, Long>>> out = new LinkedHashMap<>();
        for (Object[] row : rows) {
            out.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(row[1] == null ? "" : (String) row[1], k -> new LinkedHashMap<>())
                    .put((String) row[2], Doubles.count(row[3]));
        }
        return out;
    }
}
