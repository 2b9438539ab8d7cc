package org.featureworkbench.ui.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeTicksTest {
    private static final long T = Instant.parse("2026-12-04T20:49:50.123Z").toEpochMilli();

    @Test
    void labelsAreAsPreciseAsTheAxisSpanNeeds() {
        assertEquals("2026-12-04 20:49", TimeTicks.label(T, 3 * 86_400_000.0), "days: date and minute");
        assertEquals("12-04 20:49:50", TimeTicks.label(T, 10 * 60_000.0), "minutes: seconds");
        assertEquals("20:49:50.123", TimeTicks.label(T, 800.0), "one ingest's write times: milliseconds");
    }
}
