package org.featureworkbench.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ValidationException;

/**
 * Reads an event time from a source file in any of the forms the ingest accepts, whatever the
 * event-time feature's type (docs/ingest.md):
 * <ol>
 *   <li>seconds since the epoch, at most 3 fraction digits ({@code 1700000000.5});</li>
 *   <li>SageMaker's ISO-8601 UTC ({@code 2023-11-14T22:13:20Z}, {@code 2023-11-14T22:13:20.123Z});</li>
 *   <li>ISO-8601 with an offset ({@code 2023-11-14T23:13:20+01:00}, any fraction digits);</li>
 *   <li>{@code yyyy-MM-dd HH:mm:ss[.SSS]}, read as UTC.</li>
 * </ol>
 * Sub-millisecond digits that are not zero are rejected rather than rounded: SageMaker keeps
 * milliseconds, and silently moving an event across a millisecond can reorder versions.
 * Stateless and thread-safe.
 */
public final class EventTimeParser {
    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final String FORMS = "use seconds since the epoch (1700000000.5), ISO-8601 UTC "
            + "(2023-11-14T22:13:20Z), ISO-8601 with an offset (2023-11-14T23:13:20+01:00) or "
            + "'yyyy-MM-dd HH:mm:ss[.SSS]' (read as UTC)";

    private EventTimeParser() {
    }

    /**
     * @throws ValueRejectedException when the text is blank or in none of the accepted forms
     */
    public static Instant parse(String raw) {
        String s = raw == null ? "" : ValueCoercion.strip(raw);
        if (s.isEmpty()) {
            throw new ValueRejectedException("the event time is empty; every row needs one");
        }
        if (looksNumeric(s)) {
            return epochSeconds(s);
        }
        if (s.length() < 19 || s.charAt(4) != '-') {
            throw unreadable(s, null);
        }
        if (s.length() >= 20 && s.charAt(10) == 'T') {
            if (s.length() == 20 || s.length() == 24) {
                Instant fast = EventTimes.parseSageMakerIso(s);
                if (fast != null) {
                    return fast;
                }
                try {
                    return EventTimes.parse(s, FeatureType.STRING, "");
                } catch (ValidationException e) {
                    // not SageMaker's exact form; maybe a wider ISO-8601 form such as ".5Z" below
                }
            }
            return withOffset(s);
        }
        if (s.length() >= 19 && s.charAt(10) == ' ') {
            try {
                return checked(LocalDateTime.parse(s, SPACED).toInstant(ZoneOffset.UTC), s);
            } catch (DateTimeParseException e) {
                throw unreadable(s, e);
            }
        }
        throw unreadable(s, null);
    }

    private static boolean looksNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' && i == 0 || c == '+' && i == 0)) {
                return false;
            }
        }
        return true;
    }

    private static Instant epochSeconds(String s) {
        try {
            return EventTimes.parse(s, FeatureType.FRACTIONAL, "");
        } catch (ValidationException e) {
            if (s.matches("\\d{13}(\\.\\d+)?")) {
                throw new ValueRejectedException("event time '" + s + "' looks like milliseconds since the epoch; "
                        + "event times in seconds are expected - divide the column by 1000");
            }
            if (s.matches("-?\\d+\\.\\d{4,}")) {
                throw new ValueRejectedException("event time '" + s + "' has more than 3 fraction digits; SageMaker "
                        + "keeps milliseconds - round the column to 3 digits");
            }
            throw new ValueRejectedException("event time '" + s + "': " + e.reason());
        } catch (ArithmeticException e) {
            throw unreadable(s, null);
        }
    }

    private static Instant withOffset(String s) {
        try {
            return checked(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), s);
        } catch (DateTimeParseException e) {
            throw unreadable(s, e);
        }
    }

    private static Instant checked(Instant instant, String s) {
        if (instant.getNano() % 1_000_000 != 0) {
            throw new ValueRejectedException("event time '" + s + "' has sub-millisecond digits; SageMaker keeps "
                    + "milliseconds - round the column to milliseconds");
        }
        if (instant.isBefore(EventTimes.MIN) || instant.isAfter(EventTimes.MAX)) {
            throw new ValueRejectedException("event time '" + s + "' is outside years 0000-9999");
        }
        return instant;
    }

    private static ValueRejectedException unreadable(String s, DateTimeParseException cause) {
        String detail = cause == null || cause.getMessage().contains("could not be parsed at index")
                ? "" : " (" + cause.getMessage().replaceFirst("^Text '[^']*' could not be parsed: ", "") + ")";
        return new ValueRejectedException("event time '" + s + "' is not a time the ingest understands" + detail
                + "; " + FORMS);
    }
}
