package org.featureworkbench.dataset;

import java.time.Duration;
import java.util.Locale;
import org.featureworkbench.model.ValidationException;

/** Lookback windows as people write them: {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s}, {@code 2w}. */
public final class Durations {
    private Durations() {
    }

    /** Parses a positive window; {@code field} names the option or form field in errors. */
    public static Duration parse(String text, String field) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.length() >= 2) {
            char unit = t.charAt(t.length() - 1);
            try {
                long n = Long.parseLong(t.substring(0, t.length() - 1).strip());
                if (n > 0) {
                    switch (unit) {
                        case 'w': return Duration.ofDays(7 * n);
                        case 'd': return Duration.ofDays(n);
                        case 'h': return Duration.ofHours(n);
                        case 'm': return Duration.ofMinutes(n);
                        case 's': return Duration.ofSeconds(n);
                        default: break;
                    }
                }
            } catch (NumberFormatException e) {
                // worded below
            }
        }
        throw new ValidationException(field, "'" + (text == null ? "" : text.strip()) + "' is not a window; write a "
                + "positive number and a unit: 7d (days), 12h, 30m, 45s or 2w (weeks)");
    }

    /** The text {@link #parse} reads back: the largest whole unit. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s % (7 * 86400) == 0) {
            return s / (7 * 86400) + "w";
        }
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
