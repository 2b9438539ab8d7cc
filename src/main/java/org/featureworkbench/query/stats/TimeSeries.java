package org.featureworkbench.query.stats;

import java.time.Instant;
import java.util.List;

/**
 * Rows per time bucket of event time (UTC), oldest first, empty buckets included as zeros.
 *
 * @param bucket {@code "hour"}, {@code "day"}, {@code "week"} or {@code "month"}: the smallest that
 *               keeps the series within a few thousand points
 */
public record TimeSeries(String bucket, List<Point> points) {
    public TimeSeries {
        points = List.copyOf(points);
    }

    /** The rows whose event time falls in the bucket starting at {@code start}. */
    public record Point(Instant start, long count) {
    }

    /** The sum of all buckets. */
    public long total() {
        return points.stream().mapToLong(Point::count).sum();
    }
}
