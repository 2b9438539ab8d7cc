package org.featureworkbench.cli;

import java.time.Instant;
import org.featureworkbench.model.UserTimes;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code FROM..TO}, {@code FROM..} or {@code ..TO}: the base rows' event-time range of {@code dataset},
 * open at either end as SageMaker's DatasetBuilder allows ({@code with_event_time_range} takes
 * either timestamp alone). Each end is an ISO-8601 date or date-time; a date alone as TO means
 * the end of that day. {@link WindowConverter} (drift's windows, both ends required) reads through
 * {@link #parse} too.
 */
final class EventRangeConverter implements ITypeConverter<EventRangeConverter.Range> {
    static final String EXAMPLE = "e.g. 2026-11-01..2026-11-15, 2026-11-01.. or ..2026-11-15";

    /** Either end may be null (open). */
    record Range(Instant from, Instant to) {
    }

    @Override
    public Range convert(String value) {
        return parse(value, true, EXAMPLE);
    }

    /**
     * Reads {@code FROM..TO}; with {@code openEnds}, one of the two may be left out (null).
     *
     * @param example the forms to name in an error, as the calling option accepts them
     */
    static Range parse(String value, boolean openEnds, String example) {
        String v = value.trim();
        int dots = v.indexOf("..");
        if (dots < 0) {
            throw new TypeConversionException("'" + value + "' is not a range; write FROM..TO, " + example);
        }
        String from = v.substring(0, dots).trim();
        String to = v.substring(dots + 2).trim();
        boolean missingEnd = openEnds ? from.isEmpty() && to.isEmpty() : from.isEmpty() || to.isEmpty();
        if (missingEnd || to.contains("..")) {
            throw new TypeConversionException("'" + value + "' needs " + (openEnds ? "a start, an end or both"
                    : "one start and one end") + "; write FROM..TO, " + example);
        }
        Instant start = from.isEmpty() ? null : end(from, false, example);
        Instant end = to.isEmpty() ? null : end(to, true, example);
        if (start != null && end != null && start.isAfter(end)) {
            throw new TypeConversionException("'" + value + "' ends before it starts; write the earlier time first, "
                    + example);
        }
        return new Range(start, end);
    }

    private static Instant end(String text, boolean endOfDay, String example) {
        try {
            return UserTimes.parse(text, endOfDay);
        } catch (java.time.format.DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not an ISO-8601 date or date-time; write FROM..TO, "
                    + example);
        }
    }
}
