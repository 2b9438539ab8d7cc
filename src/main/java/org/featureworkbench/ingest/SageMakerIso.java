package org.featureworkbench.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Fast path for the two SageMaker ISO forms ({@code yyyy-MM-ddTHH:mm:ssZ}, {@code …:ss.SSSZ}),
 * which most event-time columns hold: reading the digits by position is several times quicker
 * than a formatter, and event times are parsed once per row. Anything unusual returns null so
 * the general parser produces the message. Stateless and thread-safe.
 */
final class SageMakerIso {
    private SageMakerIso() {
    }

    /** The instant, or null when the text is not exactly one of the two forms of a real date and time. */
    static Instant parse(String s) {
        int n = s.length();
        if (n != 20 && n != 24 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z'
                || n == 24 && s.charAt(19) != '.') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int millis = n == 24 ? digits(s, 20, 3) : 0;
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** True when {@code raw} is already the canonical String form of {@code instant} (so formatting can be skipped). */
    static boolean isCanonical(String raw, Instant instant) {
        int n = raw.length();
        return n == 20 && instant.getNano() == 0 && raw.charAt(10) == 'T' && raw.charAt(19) == 'Z'
                || n == 24 && instant.getNano() != 0 && raw.charAt(10) == 'T' && raw.charAt(19) == '.' && raw.charAt(23) == 'Z';
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
