package org.featureworkbench.query.stats;

/**
 * The numbers of a numeric feature's non-null values. Quartiles interpolate between values
 * ({@code quantile_cont}); for large groups they come from a uniform sample of 65,536 rows
 * ({@code reservoir_quantile}).
 *
 * @param std the sample standard deviation; null when there is only one value
 */
public record NumericSummary(double min, double max, double mean, Double std, double p25, double p50, double p75) {
    /** The interquartile range, {@code p75 - p25}. */
    public double iqr() {
        return p75 - p25;
    }
}
