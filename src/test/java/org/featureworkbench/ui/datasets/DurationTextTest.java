package org.featureworkbench.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.featureworkbench.model.ValidationException;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void daysHoursMinutesAndSecondsRead() {
        assertEquals(Duration.ofDays(7), DurationText.parse("7d", "lookback"));
        assertEquals(Duration.ofHours(12), DurationText.parse(" 12h ", "lookback"));
        assertEquals(Duration.ofMinutes(30), DurationText.parse("30M", "lookback"));
        assertEquals(Duration.ofSeconds(90), DurationText.parse("90s", "lookback"));
        assertEquals(Duration.ofDays(14), DurationText.parse("2w", "lookback"));
    }

    @Test
    void partsAddUp() {
        assertEquals(Duration.ofHours(36), DurationText.parse("1d12h", "lookback"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("1h 30m", "lookback"));
    }

    @Test
    void blankMeansNoWindow() {
        assertNull(DurationText.parse("  ", "lookback"));
        assertNull(DurationText.parse(null, "lookback"));
    }

    @Test
    void wordsAndBareNumbersAreRefusedWithAnExample() {
        for (String bad : new String[] {"7 days", "7", "d7", "7d x", "1.5h", "-3h"}) {
            ValidationException e = assertThrows(ValidationException.class, () -> DurationText.parse(bad, "lookback"), bad);
            assertTrue(e.reason().contains("e.g. 7d"), e.reason());
            assertEquals("lookback", e.field());
        }
    }

    @Test
    void aZeroWindowIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> DurationText.parse("0h", "lookback"));
        assertTrue(e.reason().contains("leave it empty"), e.reason());
    }

    @Test
    void formatReadsBack() {
        assertEquals("7d", DurationText.format(Duration.ofDays(7)));
        assertEquals("1d12h", DurationText.format(Duration.ofHours(36)));
        assertEquals("1h30m", DurationText.format(Duration.ofMinutes(90)));
        assertEquals("", DurationText.format(null));
        assertEquals(Duration.ofSeconds(93_784), DurationText.parse(DurationText.format(Duration.ofSeconds(93_784)), "x"));
    }
}
