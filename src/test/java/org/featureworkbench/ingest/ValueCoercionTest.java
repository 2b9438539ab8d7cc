package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueCoercionTest {

    @Test
    void integralTakesSignedDigitsAndSurroundingSpaces() {
        assertEquals(42L, ValueCoercion.integral("42"));
        assertEquals(-7L, ValueCoercion.integral("-7"));
        assertEquals(5L, ValueCoercion.integral("+5"));
        assertEquals(12L, ValueCoercion.integral(" 12 "));
        assertEquals(Long.MIN_VALUE, ValueCoercion.integral("-9223372036854775808"));
    }

    @Test
    void integralAcceptsExactlyWholeDecimalsAndNormalisesThem() {
        assertEquals(1L, ValueCoercion.integral("1.0"));
        assertEquals(-3L, ValueCoercion.integral("-3.000"));
        assertEquals("1", ValueCoercion.canonical("1.0", ValueCoercion.integral("1.0")));
    }

    @Test
    void integralRejectsFractionsNamingTheRule() {
        var e = assertThrows(ValueRejectedException.class, () -> ValueCoercion.integral("1.5"));
        assertEquals("'1.5' is not a whole number; an Integral feature takes whole numbers (1.0 is fine, 1.5 is not)",
                e.getMessage());
    }

    @Test
    void integralRejectsThousandsSeparatorsSuggestingTheDigits() {
        var e = assertThrows(ValueRejectedException.class, () -> ValueCoercion.integral("50,412"));
        assertEquals("'50,412' has a thousands separator; write the digits only, e.g. 50412", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1e3", "1.", ".5", "--1", "0x10", "12a", "+"})
    void integralRejectsAnythingElse(String text) {
        assertThrows(ValueRejectedException.class, () -> ValueCoercion.integral(text));
    }

    @Test
    void integralOverflowNamesTheValueAndTheRange() {
        var e = assertThrows(ValueRejectedException.class, () -> ValueCoercion.integral("99999999999999999999"));
        assertTrue(e.getMessage().startsWith("'99999999999999999999' is outside the Integral range"), e.getMessage());
    }

    @Test
    void emptyAndBlankAreMissingForNumbersButKeptForStrings() {
        assertNull(ValueCoercion.integral(""));
        assertNull(ValueCoercion.fractional("  "));
        assertNull(ValueCoercion.coerce(null, FeatureType.STRING));
        assertEquals("", ValueCoercion.coerce("", FeatureType.STRING));
        assertEquals("  x ", ValueCoercion.coerce("  x ", FeatureType.STRING));
    }

    @Test
    void fractionalTakesDecimalAndScientificNotation() {
        assertEquals(1.5, ValueCoercion.fractional("1.5"));
        assertEquals(0.5, ValueCoercion.fractional(".5"));
        assertEquals(0.002, ValueCoercion.fractional("2e-3"));
        assertEquals(-1200.0, ValueCoercion.fractional("-1.2E3"));
        assertEquals(7.0, ValueCoercion.fractional("7"));
        assertEquals("1.50", ValueCoercion.canonical("+1.50", ValueCoercion.fractional("+1.50")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "Infinity", "-inf", "+Infinity"})
    void fractionalRejectsNanAndInfinities(String text) {
        var e = assertThrows(ValueRejectedException.class, () -> ValueCoercion.fractional(text));
        assertTrue(e.getMessage().contains("NaN and infinities break comparisons"), e.getMessage());
    }

    @Test
    void fractionalRejectsJavaOnlyFormsAndOverflow() {
        assertThrows(ValueRejectedException.class, () -> ValueCoercion.fractional("1d"));
        assertThrows(ValueRejectedException.class, () -> ValueCoercion.fractional("0x1p3"));
        var comma = assertThrows(ValueRejectedException.class, () -> ValueCoercion.fractional("1,5"));
        assertTrue(comma.getMessage().contains("has a comma"));
        var huge = assertThrows(ValueRejectedException.class, () -> ValueCoercion.fractional("1e400"));
        assertTrue(huge.getMessage().contains("beyond the range of a double"));
    }

    @Test
    void fractionalFastPathGivesExactlyWhatParseDoubleGives() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder sb = new StringBuilder();
            int sign = random.nextInt(3);
            sb.append(sign == 0 ? "" : sign == 1 ? "-" : "+");
            int intDigits = random.nextInt(12);
            int fracDigits = random.nextInt(12);
            for (int d = 0; d < intDigits; d++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            if (fracDigits > 0 || intDigits == 0 || random.nextBoolean()) {
                sb.append('.');
            }
            for (int d = 0; d < fracDigits || intDigits == 0 && d == 0; d++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            String s = sb.toString();
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
                    Double.doubleToRawLongBits(ValueCoercion.fractional(s)), s);
        }
        for (String s : new String[] {"-0", "-0.0", "0.1", "0.3", "123456789012345", "1234567890123456", "0.000000000000001",
                "9007199254740993", "1e5", "2E-3", "+.5", "5."}) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
                    Double.doubleToRawLongBits(ValueCoercion.fractional(s)), s);
        }
    }

    @Test
    void fractionalLongDigitsAndExponentsGiveExactlyWhatParseDoubleGives() {
        // The general path (more than 15 digits, or an exponent) is Jackson's fast parser, not the JDK's.
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int k = 0; k < 200_000; k++) {
            double d = switch (k % 4) {
                case 0 -> random.nextDouble();
                case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
                case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(-30, 30));
                default -> random.nextLong() / 3.0;
            };
            String s = Double.toString(d);
            assertEquals(d, ValueCoercion.fractional(s), s);
            StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "");
            int count = 16 + random.nextInt(10);
            for (int i = 0; i < count; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
                if (i == count / 3) {
                    digits.append('.');
                }
            }
            if (random.nextBoolean()) {
                digits.append('e').append(random.nextInt(-320, 300));
            }
            String t = digits.toString();
            double expected = Double.parseDouble(t);
            if (Double.isInfinite(expected)) {
                assertThrows(ValueRejectedException.class, () -> ValueCoercion.fractional(t), t);
            } else {
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(ValueCoercion.fractional(t)), t);
            }
        }
        for (String s : new String[] {"2.2250738585072011e-308", "2.2250738585072012e-308", "4.9e-324", "2.4e-324",
                "1.7976931348623157e308", "9007199254740993.0000000000000001", "0.1000000000000000055511151231257827"}) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
                    Double.doubleToRawLongBits(ValueCoercion.fractional(s)), s);
        }
    }
}
