package org.featureworkbench.dataset;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Event times on a deliberately coarse grid, so equal times, millisecond neighbours and
 * lookback boundaries happen often; and their text in every form the store and the base accept.
 */
final class RandomTimes {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int[] MILLIS = {0, 0, 0, 1, 999};
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLISECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private RandomTimes() {
    }

    /** Two hours apart (two offline partitions), 7 seconds each, at .000, .001 or .999. */
    static Instant next(Random random) {
        return T0.plusSeconds(3600L * random.nextInt(2) + random.nextInt(7))
                .plusMillis(MILLIS[random.nextInt(MILLIS.length)]);
    }

    /** SageMaker's ISO-8601 text: either form when the milliseconds are zero. */
    static String iso(Instant t, Random random) {
        boolean wholeSecond = t.toEpochMilli() % 1000 == 0;
        return (wholeSecond && random.nextBoolean() ? SECONDS : MILLISECONDS).format(t);
    }

    /** Seconds since the epoch as text: "1767225600", "1767225600.0" or "1767225600.001". */
    static String epochSeconds(Instant t, Random random) {
        String text = BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3).stripTrailingZeros().toPlainString();
        return !text.contains(".") && random.nextInt(3) == 0 ? text + ".0" : text;
    }

    /** The value of an event time feature of either type. */
    static String feature(Instant t, org.featureworkbench.model.FeatureType type, Random random) {
        return type == org.featureworkbench.model.FeatureType.FRACTIONAL ? epochSeconds(t, random) : iso(t, random);
    }
}
