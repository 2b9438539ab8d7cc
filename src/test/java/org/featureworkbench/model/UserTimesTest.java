package org.featureworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The times people type into filters, on the CLI and in the GUI alike. */
class UserTimesTest {
    @Test
    void everyAcceptedFormReadsAsUtc() {
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), UserTimes.parse("2026-03-01", false));
        assertEquals(Instant.parse("2026-03-01T23:59:59.999999Z"), UserTimes.parse("2026-03-01", true));
        assertEquals(Instant.parse("2026-03-01T10:30:00Z"), UserTimes.parse("2026-03-01T10:30", false));
        assertEquals(Instant.parse("2026-03-01T10:30:00Z"), UserTimes.parse(" 2026-03-01 10:30:00 ", true));
        assertEquals(Instant.parse("2026-03-01T10:30:00.5Z"), UserTimes.parse("2026-03-01t10:30:00.5z".replace('t', 'T'), false));
        assertEquals(Instant.parse("2026-03-01T08:30:00Z"), UserTimes.parse("2026-03-01T10:30:00+02:00", false));
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(DateTimeParseException.class, () -> UserTimes.parse("yesterday", false));
        assertThrows(DateTimeParseException.class, () -> UserTimes.parse("2026-02-30", false));
        assertThrows(DateTimeParseException.class, () -> UserTimes.parse("01/03/2026", false));
    }
}
