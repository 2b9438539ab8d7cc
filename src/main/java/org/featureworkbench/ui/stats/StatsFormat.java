package org.featureworkbench.ui.stats;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.util.StringConverter;

/** How the Statistics tab writes numbers and times. */
final class StatsFormat {
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private StatsFormat() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String number(Double v) {
        if (v == null) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", v.longValue());
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e9) ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%,.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String time(Instant t) {
        return DAY_TIME.format(t) + " UTC";
    }

    /** Axis labels of an epoch-millisecond axis as UTC dates and times. */
    static StringConverter<Number> epochMillis() {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return DAY_TIME.format(Instant.ofEpochMilli(n.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        };
    }
}
