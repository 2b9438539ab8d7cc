package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimeParserTest {
    private static final Instant T = Instant.parse("2023-11-14T22:13:20Z");

    @ParameterizedTest
    @ValueSource(strings = {"1700000000", "1700000000.000", "2023-11-14T22:13:20Z", "2023-11-14T22:13:20.000Z",
            "2023-11-14T23:13:20+01:00", "2023-11-14T17:13:20-05:00", "2023-11-14 22:13:20", "2023-11-14 22:13:20.000",
            " 2023-11-14T22:13:20Z "})
    void everyAcceptedFormMeansTheSameInstant(String text) {
        assertEquals(T, EventTimeParser.parse(text));
    }

    @Test
    void millisecondsSurviveInEveryForm() {
        Instant withMillis = T.plusMillis(250);
        assertEquals(withMillis, EventTimeParser.parse("1700000000.25"));
        assertEquals(withMillis, EventTimeParser.parse("2023-11-14T22:13:20.250Z"));
        assertEquals(withMillis, EventTimeParser.parse("2023-11-14T22:13:20.25Z"));
        assertEquals(withMillis, EventTimeParser.parse("2023-11-14 22:13:20.250000"));
    }

    @Test
    void subMillisecondDigitsAreRejectedNotRounded() {
        var e = assertThrows(ValueRejectedException.class, () -> EventTimeParser.parse("2023-11-14T22:13:20.123456Z"));
        assertTrue(e.getMessage().contains("has sub-millisecond digits"), e.getMessage());
        var f = assertThrows(ValueRejectedException.class, () -> EventTimeParser.parse("1700000000.1234"));
        assertTrue(f.getMessage().contains("more than 3 fraction digits"), f.getMessage());
    }

    @Test
    void epochMillisecondsGetAHint() {
        var e = assertThrows(ValueRejectedException.class, () -> EventTimeParser.parse("1700000000000"));
        assertTrue(e.getMessage().contains("looks like milliseconds since the epoch"), e.getMessage());
    }

    @Test
    void impossibleDatesExplainWhy() {
        var e = assertThrows(ValueRejectedException.class, () -> EventTimeParser.parse("2023-02-30 10:00:00"));
        assertTrue(e.getMessage().contains("Invalid date 'FEBRUARY 30'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2023-11-14", "14/11/2023 22:13", "2023-11-14T22:13:20", "2023-11-14T22:13"})
    void otherFormsAreRejectedListingTheAcceptedOnes(String text) {
        var e = assertThrows(ValueRejectedException.class, () -> EventTimeParser.parse(text));
        assertTrue(e.getMessage().contains("use seconds since the epoch (1700000000.5), ISO-8601 UTC"), e.getMessage());
    }
}
