package org.featureworkbench.query.stats;

import java.util.List;

/**
 * Equal-width bins over a numeric feature's non-null values; their counts sum to the feature's
 * non-null count. Every bin is {@code [from, to)} except the last, which also holds {@code to}.
 *
 * @param rule how the bin width was chosen: {@code "Freedman–Diaconis"}, {@code "Sturges"} or
 *             {@code "single value"}
 */
public record Histogram(String rule, double binWidth, List<Bin> bins) {
    public Histogram {
        bins = List.copyOf(bins);
    }

    /** One bin. */
    public record Bin(double from, double to, long count) {
    }

    /** The sum of the bins' counts. */
    public long total() {
        return bins.stream().mapToLong(Bin::count).sum();
    }
}
