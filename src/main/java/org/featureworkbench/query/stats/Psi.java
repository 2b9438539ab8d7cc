package org.featureworkbench.query.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The population stability index: {@code Σ (c − r) · ln(c / r)} over the reference's buckets, with
 * r and c each window's share of rows in a bucket, and an empty bucket's share raised to
 * {@link #EPSILON} so the logarithm stays finite. Pure arithmetic; thread-safe.
 */
final class Psi {
    static final double EPSILON = 1e-4;

    private Psi() {
    }

    /**
     * @param labels    bucket keys in display order, mapped to their labels
     * @param reference rows per bucket key in the reference window
     * @param current   rows per bucket key in the current window
     */
    static FeatureDrift drift(String feature, org.featureworkbench.model.FeatureType type, Map<String, String> labels,
                              Map<String, Long> reference, Map<String, Long> current) {
        long refTotal = reference.values().stream().mapToLong(Long::longValue).sum();
        long curTotal = current.values().stream().mapToLong(Long::longValue).sum();
        List<FeatureDrift.Bucket> buckets = new ArrayList<>();
        double psi = 0;
        for (Map.Entry<String, String> bucket : labels.entrySet()) {
            double r = share(reference.getOrDefault(bucket.getKey(), 0L), refTotal);
            double c = share(current.getOrDefault(bucket.getKey(), 0L), curTotal);
            buckets.add(new FeatureDrift.Bucket(bucket.getValue(), r, c));
            psi += index(r, c);
        }
        return new FeatureDrift(feature, type, psi, DriftReading.of(psi), buckets);
    }

    static double index(double referenceShare, double currentShare) {
        double r = Math.max(referenceShare, EPSILON);
        double c = Math.max(currentShare, EPSILON);
        return (c - r) * Math.log(c / r);
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }
}
