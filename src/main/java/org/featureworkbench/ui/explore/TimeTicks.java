package org.featureworkbench.ui.explore;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Labels of a time axis, as precise as its span needs: a chart of rows written within one second
 * (write_time of a single ingest) must not label every tick "2026-12-04 20:49".
 */
final class TimeTicks {
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private TimeTicks() {
    }

    /** The label of {@code millis} on an axis spanning {@code spanMillis}. */
    static String label(long millis, double spanMillis) {
        DateTimeFormatter format = spanMillis >= 2 * 3_600_000 ? DAYS : spanMillis >= 2 * 60_000 ? SECONDS : MILLIS;
        return format.format(Instant.ofEpochMilli(millis));
    }
}
