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

    /** Below this many rows in a window, PSI moves by chance more than by drift (about ten rows a bin). */
    public static final long FEW_ROWS = 100;

    /**
     * What to weigh before trusting the readings, in words (empty when nothing): a window with few
     * rows, where a "shifted" feature may not have moved; windows that overlap, whose shared rows
     * count on both sides and hide drift.
     */
    public List<String> cautions() {
        List<String> cautions = new java.util.ArrayList<>();
        long fewest = Math.min(referenceRows, currentRows);
        if (fewest < FEW_ROWS) {
            cautions.add("the " + (referenceRows <= currentRows ? "reference" : "current") + " window has only " + fewest
                    + (fewest == 1 ? " row" : " rows") + ": with fewer than " + FEW_ROWS + " a PSI moves by chance, so "
                    + "a shifted reading may not be drift; widen the windows");
        }
        if (!reference.from().isAfter(current.to()) && !current.from().isAfter(reference.to())) {
            java.time.Instant from = reference.from().isAfter(current.from()) ? reference.from() : current.from();
            java.time.Instant to = reference.to().isBefore(current.to()) ? reference.to() : current.to();
            cautions.add("the windows overlap (" + from + ".." + to + "): rows there count on both sides, which hides "
                    + "drift; make them disjoint");
        }
        return cautions;
    }

    /** The drift of one feature, if it was measured. */
    public Optional<FeatureDrift> feature(String name) {
        return features.stream().filter(f -> f.feature().equals(name)).findFirst();
    }
}
