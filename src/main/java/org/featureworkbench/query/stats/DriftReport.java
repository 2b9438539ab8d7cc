package org.featureworkbench.query.stats;

import java.util.List;
import java.util.Optional;

/**
 * Drift of every feature of a group (except the record identifier and the event time) between two
 * event-time windows of its history (every stored row but delete markers).
 */
public record DriftReport(String group, EventWindow reference, EventWindow current, long referenceRows,
                          long currentRows, List<FeatureDrift> features) {
    public DriftReport {
        features = List.copyOf(features);
    }

    /** The drift of one feature, if it was measured. */
    public Optional<FeatureDrift> feature(String name) {
        return features.stream().filter(f -> f.feature().equals(name)).findFirst();
    }
}
