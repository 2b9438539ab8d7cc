package org.featureworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written value checks that replaced regexes on the PutRecord path accept exactly what
 * the regexes accepted (ADR 0004's coercion rules), and the fast event-time parser agrees with
 * the formatter it stands in front of.
 */
class ValueShapesTest {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final String ALPHABET = "0123456789+-.eE x";

    @Test
    void decimalShapeMatchesTheRegexOnRandomStrings() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = sb.toString();
            assertEquals(DECIMAL.matcher(s).matches(), FeatureValueParser.isDecimal(s), "for '" + s + "'");
        }
    }

    @Test
    void integralsAndFractionalsParseAsBefore() {
        assertEquals(42L, FeatureValueParser.parse("f", FeatureType.INTEGRAL, "+42"));
        assertEquals(-7L, FeatureValueParser.parse("f", FeatureType.INTEGRAL, "-7"));
        assertThrows(ValidationException.class, () -> FeatureValueParser.parse("f", FeatureType.INTEGRAL, "-"));
        assertThrows(ValidationException.class, () -> FeatureValueParser.parse("f", FeatureType.INTEGRAL, "1.0"));
        assertThrows(ValidationException.class, () -> FeatureValueParser.parse("f", FeatureType.INTEGRAL, " 1"));
        assertEquals(0.5, FeatureValueParser.parse("f", FeatureType.FRACTIONAL, ".5"));
        assertEquals(6.02e23, FeatureValueParser.parse("f", FeatureType.FRACTIONAL, "6.02E23"));
        assertThrows(ValidationException.class, () -> FeatureValueParser.parse("f", FeatureType.FRACTIONAL, "1e"));
    }

    @Test
    void fastIsoEventTimesAgreeWithTheFormatterAndRejectImpossibleDates() {
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), EventTimes.parse("2023-11-14T22:13:20Z", FeatureType.STRING, "t"));
        assertEquals(Instant.parse("2023-11-14T22:13:20.123Z"),
                EventTimes.parse("2023-11-14T22:13:20.123Z", FeatureType.STRING, "t"));
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), EventTimes.parse("2024-02-29T00:00:00Z", FeatureType.STRING, "t"));
        ValidationException notReal = assertThrows(ValidationException.class,
                () -> EventTimes.parse("2023-02-29T00:00:00Z", FeatureType.STRING, "t"));
        assertEquals(true, notReal.getMessage().contains("not a real date"), notReal.getMessage());
        assertThrows(ValidationException.class, () -> EventTimes.parse("2023-11-14T24:00:00Z", FeatureType.STRING, "t"));
        assertThrows(ValidationException.class, () -> EventTimes.parse("2023-11-14 22:13:20Z", FeatureType.STRING, "t"));
        assertThrows(ValidationException.class, () -> EventTimes.parse("2023-1a-14T22:13:20Z", FeatureType.STRING, "t"));
    }
}
