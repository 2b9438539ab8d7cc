package org.featureworkbench.query.stats;

/** Doubles as exact DuckDB DOUBLE literals, and reading numbers out of query rows. */
final class Doubles {
    private Doubles() {
    }

    /** {@code CAST('1.5E-4' AS DOUBLE)}: the same double DuckDB-side, never a DECIMAL. */
    static String sql(double value) {
        return "CAST('" + value + "' AS DOUBLE)";
    }

    static double of(Object value) {
        return ((Number) value).doubleValue();
    }

    static Double orNull(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
