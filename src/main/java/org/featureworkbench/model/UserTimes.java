package org.featureworkbench.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Times a person types to filter by (not event-time values of records, see {@link EventTimes}):
 * {@code 2026-03-01} (a whole UTC day), {@code 2026-03-01T10:30[:00]} or with a space (UTC),
 * {@code …Z}, or with an offset such as {@code +02:00}. One rule for the CLI and the GUI. Thread-safe.
 */
public final class UserTimes {
    private UserTimes() {
    }

    /**
     * @param endOfDay for a date alone, its last microsecond (an inclusive upper bound) rather than its start
     * @throws DateTimeParseException when the text is none of the accepted forms; callers word the message
     */
    public static Instant parse(String text, boolean endOfDay) {
        String t = text.strip().replace(' ', 'T');
        if (t.length() == 10) {
            Instant start = LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            return endOfDay ? start.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : start;
        }
        if (t.endsWith("Z") || t.endsWith("z")) {
            return OffsetDateTime.parse(t.toUpperCase(Locale.ROOT)).toInstant();
        }
        if (t.matches(".*[+-]\\d{2}:\\d{2}$") && t.indexOf('T') >= 0 && t.indexOf('T') < t.length() - 6) {
            return OffsetDateTime.parse(t).toInstant();
        }
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }
}
