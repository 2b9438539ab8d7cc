package org.featureworkbench.ui.data;

import java.time.Instant;
import org.featureworkbench.model.UserTimes;
import java.time.format.DateTimeParseException;

/**
 * The event-time bounds typed into the Data tab: an ISO date ({@code 2026-03-01}) or date-time
 * ({@code 2026-03-01T10:00}, {@code 2026-03-01 10:00:00}, {@code …Z}, {@code …+02:00}); without an
 * offset the time is UTC. A date alone as the upper bound means the end of that day. Pure.
 */
final class EventTimeInput {
    private EventTimeInput() {
    }

    /** The lower bound, null when blank. */
    static Instant from(String text, String field) {
        return parse(text, field, false);
    }

    /** The upper bound (inclusive), null when blank. */
    static Instant to(String text, String field) {
        return parse(text, field, true);
    }

    private static Instant parse(String text, String field, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UserTimes.parse(text, endOfDay);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text.strip() + "' is not a date or time; type e.g. "
                    + "2026-03-01 or 2026-03-01T10:30 (UTC)");
        }
    }
}
