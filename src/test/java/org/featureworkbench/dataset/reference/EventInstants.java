package org.featureworkbench.dataset.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Event time values as instants, written for the reference alone: ISO-8601 UTC text (with or
 * without milliseconds) or seconds since the epoch (a number, or its text) at millisecond precision.
 */
public final class EventInstants {
    private EventInstants() {
    }

    public static Instant of(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Number number) {
            return epochSeconds(new BigDecimal(number.toString()));
        }
        String text = String.valueOf(value).strip();
        if (text.matches("-?\\d+(\\.\\d+)?")) {
            return epochSeconds(new BigDecimal(text));
        }
        return Instant.parse(text);
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        return Instant.ofEpochMilli(seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
