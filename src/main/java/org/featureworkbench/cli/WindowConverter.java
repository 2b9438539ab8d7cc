package org.featureworkbench.cli;

import org.featureworkbench.query.stats.EventWindow;
import picocli.CommandLine.ITypeConverter;

/**
 * {@code FROM..TO}: an event-time window of {@code drift}, each end an ISO-8601 date or date-time
 * (see {@link Arguments.InstantConverter}). A date alone as TO means the end of that day, so
 * {@code 2026-11-01..2026-11-15} holds all of 15 November.
 */
final class WindowConverter implements ITypeConverter<EventWindow> {
    static final String EXAMPLE = "e.g. 2026-11-01..2026-11-15 or 2026-11-01T00:00:00Z..2026-11-01T12:00:00Z";

    @Override
    public EventWindow convert(String value) {
        EventRangeConverter.Range range = EventRangeConverter.parse(value, false, EXAMPLE);
        return new EventWindow(range.from(), range.to());
    }
}
