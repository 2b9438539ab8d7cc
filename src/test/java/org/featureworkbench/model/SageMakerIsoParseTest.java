package org.featureworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link EventTimes#parseSageMakerIso}: arithmetic that must agree with java.time everywhere. */
class SageMakerIsoParseTest {

    @Test
    void everyDayFromYearZeroToYear9999IsTheJdksInstant() {
        for (LocalDate d = LocalDate.of(0, 1, 1); d.getYear() <= 9999; d = d.plusDays(1)) {
            String text = d + "T23:59:59Z"; // LocalDate prints years below 1000 with 4 digits
            assertEquals(d.atTime(23, 59, 59).toInstant(ZoneOffset.UTC), EventTimes.parseSageMakerIso(text), text);
        }
    }

    @Test
    void parsesExactlyWhatLocalDateTimeAcceptsInBothForms() {
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 200_000; k++) {
            int year = random.nextInt(10_000);
            int month = random.nextInt(14);
            int day = random.nextInt(33);
            int hour = random.nextInt(25);
            int minute = random.nextInt(61);
            int second = random.nextInt(61);
            int millis = random.nextInt(1000);
            boolean withMillis = random.nextBoolean();
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second)
                    + (withMillis ? String.format(".%03dZ", millis) : "Z");
            Instant expected;
            try {
                expected = LocalDateTime.of(year, month, day, hour, minute, second, withMillis ? millis * 1_000_000 : 0)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                expected = null;
            }
            assertEquals(expected, EventTimes.parseSageMakerIso(text), text);
        }
    }

    @Test
    void leapDaysFollowTheGregorianRules() {
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), EventTimes.parseSageMakerIso("2024-02-29T00:00:00Z"));
        assertEquals(Instant.parse("2000-02-29T23:59:59.999Z"), EventTimes.parseSageMakerIso("2000-02-29T23:59:59.999Z"));
        assertNull(EventTimes.parseSageMakerIso("1900-02-29T00:00:00Z"));
        assertNull(EventTimes.parseSageMakerIso("2023-02-29T00:00:00Z"));
        assertNull(EventTimes.parseSageMakerIso("2023-04-31T00:00:00Z"));
        assertNull(EventTimes.parseSageMakerIso("2023-04-30T24:00:00Z"));
        assertNull(EventTimes.parseSageMakerIso("2023-04-30T12:00:60Z"));
    }
}
