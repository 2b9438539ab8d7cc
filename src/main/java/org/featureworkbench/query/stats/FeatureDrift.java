package org.featureworkbench.query.stats;

import java.util.List;
import org.featureworkbench.model.FeatureType;

/**
 * The drift of one feature between the reference and the current window.
 *
 * @param psi     the population stability index over {@code buckets}
 * @param buckets the reference's bins (deciles for numbers, top values plus "(other)" for strings,
 *                plus "(null)" for missing values), with each window's share of rows
 */
public record FeatureDrift(String feature, FeatureType type, double psi, DriftReading reading, List<Bucket> buckets) {
    public FeatureDrift {
        buckets = List.copyOf(buckets);
    }

    /** One bin and the share of each window's rows in it (0 to 1). */
    public record Bucket(String label, double referenceShare, double currentShare) {
    }
}
