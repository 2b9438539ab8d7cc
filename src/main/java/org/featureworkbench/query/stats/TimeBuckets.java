package org.featureworkbench.query.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bucket of a records-over-time series: the smallest of hour, day, week and month that keeps
 * the series within {@link #MAX_POINTS} points, with buckets in UTC. Thread-safe.
 */
enum TimeBuckets {
    HOUR("hour", Duration.ofHours(1)),
    DAY("day", Duration.ofDays(1)),
    WEEK("week", Duration.ofDays(7)),
    MONTH("month", Duration.ofDays(31));

    static final int MAX_POINTS = 2_000;
    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final String unit;
    private final Duration approximate;

    TimeBuckets(String unit, Duration approximate) {
        this.unit = unit;
        this.approximate = approximate;
    }

    static TimeBuckets covering(Instant first, Instant last) {
        Duration span = Duration.between(first, last);
        for (TimeBuckets b : values()) {
            if (span.dividedBy(b.approximate) < MAX_POINTS) {
                return b;
            }
        }
        return MONTH;
    }

    String unit() {
        return unit;
    }

    /** The start of the bucket of a plain (UTC) TIMESTAMP expression. */
    String truncateSql(String utcTimestamp) {
        return "date_trunc('" + unit + "', " + utcTimestamp + ")";
    }

    /** A bucket start as the text key {@link #series} reads. */
    String formatSql(String bucketStart) {
        return "strftime(" + bucketStart + ", '%Y-%m-%dT%H:%M:%S')";
    }

    /** The series from the counted buckets (keys as {@link #formatSql} writes them), gaps filled with zeros. */
    TimeSeries series(Map<String, Long> counts) {
        List<TimeSeries.Point> points = new ArrayList<>();
        if (!counts.isEmpty()) {
            LocalDateTime first = counts.keySet().stream().map(k -> LocalDateTime.parse(k, KEY)).min(LocalDateTime::compareTo).orElseThrow();
            LocalDateTime last = counts.keySet().stream().map(k -> LocalDateTime.parse(k, KEY)).max(LocalDateTime::compareTo).orElseThrow();
            for (LocalDateTime t = first; !t.isAfter(last); t = next(t)) {
                long n = counts.getOrDefault(KEY.format(t), 0L);
                points.add(new TimeSeries.Point(t.toInstant(ZoneOffset.UTC), n));
            }
        }
        return new TimeSeries(unit, points);
    }

    private LocalDateTime next(LocalDateTime t) {
        return switch (this) {
            case HOUR -> t.plusHours(1);
            case DAY -> t.plusDays(1);
            case WEEK -> t.plusWeeks(1);
            case MONTH -> t.plusMonths(1);
        };
    }
}
