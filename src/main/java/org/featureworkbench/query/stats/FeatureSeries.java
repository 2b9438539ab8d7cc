package org.featureworkbench.query.stats;

import java.time.Instant;
import java.util.List;

/**
 * One record's values of one numeric feature over event time (its deduplicated history, delete
 * markers and nulls left out), oldest first. A long history is reduced in DuckDB: the time range is
 * cut into equal buckets and each keeps its minimum and maximum point, so spikes survive.
 *
 * @param versions how many non-null versions the record has
 * @param reduced  true when {@code points} holds fewer points than {@code versions}
 */
public record FeatureSeries(String group, String recordId, String feature, long versions, boolean reduced,
                            List<Point> points) {
    public FeatureSeries {
        points = List.copyOf(points);
    }

    /** One value at its event time. */
    public record Point(Instant eventTime, double value) {
    }
}
