package org.featureworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimesTest {

    @Test
    void fractionalSecondsKeepMilliseconds() {
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), EventTimes.parse("1700000000.123", FeatureType.FRACTIONAL, "t"));
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), EventTimes.parse("1700000000", FeatureType.FRACTIONAL, "t"));
    }

    @Test
    void isoFormsWithAndWithoutMillisecondsParse() {
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), EventTimes.parse("2023-11-14T22:13:20Z", FeatureType.STRING, "t"));
        assertEquals(Instant.parse("2023-11-14T22:13:20.500Z"),
                EventTimes.parse("2023-11-14T22:13:20.500Z", FeatureType.STRING, "t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-11-14 22:13:20", "2023-11-14T22:13:20+01:00", "2023-11-14T22:13:20.5Z",
        "2023-11-14", "yesterday", "2023-02-30T00:00:00Z", "2023-11-14T25:00:00Z"})
    void otherStringFormsAreRejectedNamingTheAcceptedOnes(String value) {
        ValidationException e = assertThrows(ValidationException.class, () -> EventTimes.parse(value, FeatureType.STRING, "EventTime"));
        assertEquals("EventTime", e.field());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e9", "NaN", "1700000000.1234", "abc", "253402300800"})
    void badFractionalValuesAreRejected(String value) {
        assertThrows(ValidationException.class, () -> EventTimes.parse(value, FeatureType.FRACTIONAL, "EventTime"));
    }

    @Test
    void yearsOutsideZeroToNineThousandNineHundredNinetyNineAreRejected() {
        assertThrows(ValidationException.class, () -> EventTimes.parse("-62167219201", FeatureType.FRACTIONAL, "t"));
        assertEquals(EventTimes.MIN, EventTimes.parse("0000-01-01T00:00:00Z", FeatureType.STRING, "t"));
        assertEquals(EventTimes.MAX, EventTimes.parse("9999-12-31T23:59:59.999Z", FeatureType.STRING, "t"));
    }

    @Test
    void formatRoundTripsBothTypes() {
        Instant t = Instant.ofEpochMilli(1_700_000_000_120L);
        assertEquals("1700000000.12", EventTimes.format(t, FeatureType.FRACTIONAL));
        assertEquals("2023-11-14T22:13:20.120Z", EventTimes.format(t, FeatureType.STRING));
        assertEquals("2023-11-14T22:13:20Z", EventTimes.format(Instant.ofEpochSecond(1_700_000_000L), FeatureType.STRING));
        assertEquals("1700000000", EventTimes.format(Instant.ofEpochSecond(1_700_000_000L), FeatureType.FRACTIONAL));
    }
}
