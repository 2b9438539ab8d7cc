package org.featureworkbench.query.stats;

/**
 * Chooses equal-width histogram bins for a numeric feature: Freedman–Diaconis (width
 * {@code 2·IQR·n^(-1/3)}), Sturges ({@code ceil(log2 n) + 1} bins) when the IQR is 0, at most
 * {@link #MAX_BINS} bins. Integral features get whole-number widths so no bin falls between two
 * integers. Pure arithmetic; thread-safe.
 *
 * @param lower the first bin's lower edge (the minimum)
 * @param width the bin width (positive)
 * @param count the number of bins (at least 1)
 */
record BinRule(String rule, double lower, double width, int count) {
    static final int MAX_BINS = 50;

    static BinRule of(boolean integral, long n, double min, double max, double iqr) {
        double span = max - min;
        if (n <= 1 || span <= 0 || !Double.isFinite(span)) {
            return new BinRule("single value", min, 1, 1);
        }
        String rule;
        double width;
        if (iqr > 0) {
            rule = "Freedman–Diaconis";
            width = 2 * iqr * Math.pow(n, -1.0 / 3);
        } else {
            rule = "Sturges";
            width = span / (Math.ceil(Math.log(n) / Math.log(2)) + 1);
        }
        if (integral) {
            width = Math.max(1, Math.ceil(width));
        }
        int count = binsFor(integral, span, width);
        if (count > MAX_BINS) {
            width = integral ? Math.ceil((span + 1) / MAX_BINS) : span / MAX_BINS;
            count = binsFor(integral, span, width);
        }
        return new BinRule(rule, min, width, Math.max(1, Math.min(count, MAX_BINS)));
    }

    private static int binsFor(boolean integral, double span, double width) {
        // Integral: the maximum must land inside the last bin [lo + (k-1)w, lo + kw).
        double bins = integral ? Math.floor(span / width) + 1 : Math.ceil(span / width);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, bins));
    }

    /** The bin index of a value as a DuckDB expression over {@code column} (a DOUBLE), clamped to the bins. */
    String indexSql(String column) {
        return "CASE WHEN " + column + " IS NULL THEN NULL ELSE least(" + (count - 1) + ", greatest(0, CAST(floor(("
                + column + " - " + Doubles.sql(lower) + ") / " + Doubles.sql(width) + ") AS BIGINT))) END";
    }

    double from(int bin) {
        return lower + bin * width;
    }

    double to(int bin) {
        return lower + (bin + 1) * width;
    }
}
