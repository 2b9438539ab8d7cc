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

    /**
     * A summary cell that fits its column at 1280 px: whole numbers below 100,000 with separators,
     * four significant digits otherwise, 576.5k and 12.35M for large ones, 1.80e9 beyond.
     */
    static String number(Double v) {
        if (v == null) {
            return "";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e5) {
            return String.format(Locale.ROOT, "%,d", v.longValue());
        }
        if (a != 0 && (a < 1e-3 || a >= 1e9)) {
            String e = String.format(Locale.ROOT, "%.2e", v);
            int at = e.indexOf('e');
            return e.substring(0, at) + "e" + Integer.parseInt(e.substring(at + 1));
        }
        if (a >= 1e6) {
            return significant(v / 1e6) + "M";
        }
        return a >= 1e5 ? significant(v / 1e3) + "k" : significant(v);
    }

    private static String significant(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
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
