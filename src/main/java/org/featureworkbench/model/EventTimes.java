package org.featureworkbench.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Parses and formats event times in exactly the two forms SageMaker accepts:
 * <ul>
 *   <li>{@link FeatureType#FRACTIONAL}: seconds since the epoch, e.g. {@code 1700000000.123}
 *       (kept to millisecond precision; digits beyond are a validation error, not rounded);</li>
 *   <li>{@link FeatureType#STRING}: ISO-8601 UTC {@code yyyy-MM-dd'T'HH:mm:ssZ} or
 *       {@code yyyy-MM-dd'T'HH:mm:ss.SSSZ} with a literal {@code Z}.</li>
 * </ul>
 * Years 0000–9999 only. Stateless and thread-safe.
 */
public final class EventTimes {
    /** 0000-01-01T00:00:00Z. */
    public static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    /** 9999-12-31T23:59:59.999Z. */
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    private static final Pattern ISO_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,3})?");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter FORMAT_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FORMAT_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EventTimes() {
    }

    /**
     * Parses an event time value of the given type.
     *
     * @param value the value as a string, as in a PutRecord request
     * @param type  the event time feature's type (Fractional or String)
     * @param field where the value came from, for the error message
     * @throws ValidationException saying which forms are accepted
     */
    public static Instant parse(String value, FeatureType type, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "event time is empty; give "
                    + (type == FeatureType.FRACTIONAL ? "seconds since the epoch, e.g. 1700000000.5"
                    : "an ISO-8601 UTC time, e.g. 2023-11-14T22:13:20Z"));
        }
        return switch (type) {
            case FRACTIONAL -> parseFractional(value.trim(), field);
            case STRING -> parseIso(value.trim(), field);
            case INTEGRAL -> throw new ValidationException(field,
                    "an event time feature must be Fractional or String, not Integral");
        };
    }

    private static Instant parseFractional(String value, String field) {
        if (!DECIMAL.matcher(value).matches()) {
            throw new ValidationException(field, "'" + value + "' is not an event time in seconds since the epoch;"
                    + " write a decimal number with at most 3 fraction digits, e.g. 1700000000 or 1700000000.123");
        }
        BigDecimal seconds = new BigDecimal(value);
        long millis = seconds.movePointRight(3).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        return checkRange(Instant.ofEpochMilli(millis), value, field);
    }

    private static Instant parseIso(String value, String field) {
        Instant fast = parseIsoFast(value, field);
        if (fast != null) {
            return fast;
        }
        boolean seconds = ISO_SECONDS.matcher(value).matches();
        if (!seconds && !ISO_MILLIS.matcher(value).matches()) {
            throw new ValidationException(field, "'" + value + "' is not a SageMaker event time; write ISO-8601 UTC"
                    + " as yyyy-MM-ddTHH:mm:ssZ or yyyy-MM-ddTHH:mm:ss.SSSZ, e.g. 2023-11-14T22:13:20Z");
        }
        try {
            LocalDateTime local = LocalDateTime.parse(value.substring(0, value.length() - 1), LOCAL);
            return checkRange(local.toInstant(ZoneOffset.UTC), value, field);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "'" + value + "' is not a real date and time (" + e.getMessage()
                    .replaceFirst("^Text '[^']*' could not be parsed: ", "") + ")");
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z} read digit by digit, without the regexes and the
     * formatter: PutRecord parses an event time per record, and that was most of its validation.
     *
     * @return the instant, or null when {@code value} is not in that shape (the slow path then
     *         words the error)
     */
    private static Instant parseIsoFast(String v, String field) {
        Instant instant = parseSageMakerIso(v);
        return instant == null ? null : checkRange(instant, v, field);
    }

    /**
     * The instant of {@code yyyy-MM-ddTHH:mm:ssZ} or {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, exactly
     * those 20 or 24 characters, or null when the text has another shape or is not a real date
     * and time (a 30 February, hour 24, second 60). What {@code LocalDateTime.of} accepts, computed
     * with arithmetic instead: PutRecord and every ingested row parse one.
     */
    public static Instant parseSageMakerIso(String v) {
        int n = v.length();
        if ((n != 20 && n != 24) || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T'
                || v.charAt(13) != ':' || v.charAt(16) != ':' || v.charAt(n - 1) != 'Z'
                || (n == 24 && v.charAt(19) != '.')) {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        int millis = n == 24 ? digits(v, 20, 3) : 0;
        if ((year | month | day | hour | minute | second | millis) < 0 || month < 1 || month > 12 || day < 1
                || day > lengthOfMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
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

    /** Days since 1970-01-01 of a valid proleptic Gregorian date of years 0-9999, as {@code LocalDate#toEpochDay}. */
    private static long epochDay(int year, int month, int day) {
        // Howard Hinnant's days_from_civil: years start in March, so the leap day ends a year.
        int y = month <= 2 ? year - 1 : year;
        int era = y < 0 ? -1 : y / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    /** The number in {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String v, int from, int count) {
        int result = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    private static Instant checkRange(Instant instant, String value, String field) {
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new ValidationException(field, "event time '" + value + "' is outside years 0000-9999");
        }
        return instant;
    }

    /** Formats an instant in the canonical form for the type (milliseconds only when non-zero). */
    public static String format(Instant instant, FeatureType type) {
        if (type == FeatureType.FRACTIONAL) {
            BigDecimal secs = BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3).stripTrailingZeros();
            return secs.scale() < 0 ? secs.setScale(0).toPlainString() : secs.toPlainString();
        }
        return (instant.getNano() % 1_000_000_000 == 0 ? FORMAT_SECONDS : FORMAT_MILLIS).format(instant);
    }

    /** ISO-8601 UTC, second precision, as SageMaker prints CreationTime in JSON. */
    public static String formatIsoSeconds(Instant instant) {
        return FORMAT_SECONDS.format(instant);
    }
}
