package org.featureworkbench.cli;

import java.time.Instant;
import org.featureworkbench.model.UserTimes;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.query.stats.EventWindow;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code FROM..TO}: an event-time window of {@code drift}, each end an ISO-8601 date or date-time
 * (see {@link Arguments.InstantConverter}). A date alone as TO means the end of that day, so
 * {@code 2026-11-01..2026-11-15} holds all of 15 November.
 */
final class WindowConverter implements ITypeConverter<EventWindow> {
    static final String EXAMPLE = "e.g. 2026-11-01..2026-11-15 or 2026-11-01T00:00:00Z..2026-11-01T12:00:00Z";

    @Override
    public EventWindow convert(String value) {
        String v = value.trim();
        int dots = v.indexOf("..");
        if (dots < 0) {
            throw new TypeConversionException("'" + value + "' is not a range; write FROM..TO, " + EXAMPLE);
        }
        String from = v.substring(0, dots).trim();
        String to = v.substring(dots + 2).trim();
        if (from.isEmpty() || to.isEmpty() || to.contains("..")) {
            throw new TypeConversionException("'" + value + "' needs one start and one end; write FROM..TO, " + EXAMPLE);
        }
        Instant start = end(from, false);
        Instant end = end(to, true);
        try {
            return new EventWindow(start, end);
        } catch (FeatureStoreException e) {
            throw new TypeConversionException("'" + value + "' ends before it starts; write the earlier time first, "
                    + EXAMPLE);
        }
    }

    private static Instant end(String text, boolean endOfDay) {
        try {
            return UserTimes.parse(text, endOfDay);
        } catch (java.time.format.DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not an ISO-8601 date or date-time; write FROM..TO, "
                    + EXAMPLE);
        }
    }
}
