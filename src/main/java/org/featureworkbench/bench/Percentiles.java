package org.featureworkbench.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised as percentiles in microseconds. */
final class Percentiles {
    private final long[] sorted;

    Percentiles(long[] nanos) {
        sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    /** The p-th percentile (nearest rank), in microseconds. */
    double micros(double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1000.0;
    }

    int count() {
        return sorted.length;
    }
}
