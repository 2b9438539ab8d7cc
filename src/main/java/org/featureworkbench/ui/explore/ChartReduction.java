package org.featureworkbench.ui.explore;

import java.time.Duration;
import org.featureworkbench.query.Sql;

/**
 * Queries that shrink a large result to a chart's size inside DuckDB, wrapping the user's own
 * statement: min, mean and max of y per time bucket (the bucket chosen so there are at most
 * {@value #TARGET_BUCKETS}), per numeric-x bin, or the top categories. Pure.
 */
final class ChartReduction {
    static final int TARGET_BUCKETS = 2_000;
    private static final String[] UNITS = {"second", "minute", "hour", "day", "week", "month", "year"};
    private static final Duration[] UNIT_LENGTHS = {Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1),
            Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(31), Duration.ofDays(366)};

    private ChartReduction() {
    }

    /** The smallest date_trunc unit that cuts {@code span} into at most {@value #TARGET_BUCKETS} buckets. */
    static String unitFor(Duration span) {
        for (int i = 0; i < UNITS.length; i++) {
            if (span.dividedBy(UNIT_LENGTHS[i]) < TARGET_BUCKETS) {
                return UNITS[i];
            }
        }
        return "year";
    }

    /** The statement with its column {@code x} of event times (text or epoch seconds) turned into instants. */
    static String asInstants(String sql, String x) {
        String col = Sql.identifier(x);
        return "SELECT * REPLACE (event_instant(" + col + ") AS " + col + ")\nFROM (\n" + sql + "\n)";
    }

    /** The statement's smallest and largest x. */
    static String bounds(String sql, String x) {
        String col = Sql.identifier(x);
        return "SELECT min(" + col + "), max(" + col + ")\nFROM (\n" + sql + "\n)";
    }

    static String timeBuckets(String sql, String x, String y, String unit) {
        String col = Sql.identifier(x);
        return "-- Reduced for the chart: mean, min and max of " + y + " per " + unit + " of " + x + "\n"
                + "SELECT date_trunc('" + unit + "', " + col + ") AS " + col + ",\n"
                + aggregates(y)
                + "FROM (\n" + sql + "\n)\n"
                + "GROUP BY 1\nORDER BY 1";
    }

    static String numberBins(String sql, String x, String y, double width) {
        String col = Sql.identifier(x);
        String w = Double.toString(width);
        return "-- Reduced for the chart: mean, min and max of " + y + " per bin of " + w + " of " + x + "\n"
                + "SELECT floor(" + col + " / " + w + ") * " + w + " AS " + col + ",\n"
                + aggregates(y)
                + "FROM (\n" + sql + "\n)\n"
                + "GROUP BY 1\nORDER BY 1";
    }

    static String topCategories(String sql, String x, String y, int limit) {
        String col = Sql.identifier(x);
        String total = Sql.identifier(y + "_sum");
        return "-- Reduced for the chart: the " + limit + " values of " + x + " with the largest sum of " + y + "\n"
                + "SELECT " + col + ", sum(" + Sql.identifier(y) + ") AS " + total + ", count(*) AS row_count\n"
                + "FROM (\n" + sql + "\n)\n"
                + "GROUP BY 1\nORDER BY " + total + " DESC\nLIMIT " + limit;
    }

    /** A bin width of 1, 2 or 5 times a power of ten giving at most about {@value #TARGET_BUCKETS} bins. */
    static double binWidth(double min, double max) {
        double raw = (max - min) / TARGET_BUCKETS;
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= raw) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String aggregates(String y) {
        String col = Sql.identifier(y);
        return "       avg(" + col + ") AS " + Sql.identifier(y + "_avg") + ",\n"
                + "       min(" + col + ") AS " + Sql.identifier(y + "_min") + ",\n"
                + "       max(" + col + ") AS " + Sql.identifier(y + "_max") + "\n";
    }
}
