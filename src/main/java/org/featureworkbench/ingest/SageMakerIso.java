package org.featureworkbench.ingest;

import java.time.Instant;

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
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return null;
        }
        // Arithmetic, not LocalDateTime: this runs once per ingested row (a tenth of the mapping thread's time).
        long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
    }

    private static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (years 0-9999), as {@code LocalDate#toEpochDay}. */
    static long epochDay(int year, int month, int day) {
        // Howard Hinnant's days_from_civil: years start in March, so the leap day ends a year.
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400; // y >= -1 here, and -1 / 400 == 0 as the algorithm needs for y >= 0 only
        if (y < 0) {
            era = -1;
        }
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
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
