package org.featureworkbench.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one ValueAsString into its typed value; the rules are ADR 0004
 * (docs/decisions/0004-record-value-coercion.md). Stateless and thread-safe.
 */
public final class FeatureValueParser {
    /** SageMaker's limit on one feature value: 350 KB of UTF-8. */
    public static final int MAX_VALUE_BYTES = 350 * 1024;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern INTEGRAL_LOOKING_DECIMAL = Pattern.compile("[+-]?\\d+\\.0*");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private FeatureValueParser() {
    }

    /**
     * Parses {@code value} as {@code type}.
     *
     * @param feature the feature's name, used as the error's field
     * @return a {@link Long}, {@link Double} or {@link String}
     * @throws ValidationException naming the feature and the value, and saying what is accepted
     */
    public static Object parse(String feature, FeatureType type, String value) {
        return switch (type) {
            case INTEGRAL -> parseIntegral(feature, value);
            case FRACTIONAL -> parseFractional(feature, value);
            case STRING -> checkString(feature, value);
        };
    }

    private static Long parseIntegral(String feature, String value) {
        if (!INTEGER.matcher(value).matches()) {
            String hint = INTEGRAL_LOOKING_DECIMAL.matcher(value).matches()
                    ? "; Integral values have no decimal point, write " + value.substring(0, value.indexOf('.'))
                    : "; write a whole number such as 42 or -7";
            throw new ValidationException(feature, quote(value) + " is not an Integral (64-bit integer)" + hint);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ValidationException(feature, quote(value)
                    + " is outside the Integral range -9223372036854775808..9223372036854775807");
        }
    }

    private static Double parseFractional(String feature, String value) {
        if (!DECIMAL.matcher(value).matches()) {
            String lower = value.trim().toLowerCase(Locale.ROOT);
            if (lower.contains("nan") || lower.contains("inf")) {
                throw new ValidationException(feature, quote(value) + " is not accepted for a Fractional feature:"
                        + " NaN and Infinity are not stored; leave the feature out of the record for no value");
            }
            throw new ValidationException(feature, quote(value) + " is not a Fractional (decimal number);"
                    + " write e.g. 3.14, -2, 1e-3 or 6.02E23");
        }
        double d = Double.parseDouble(value);
        if (Double.isInfinite(d)) {
            throw new ValidationException(feature, quote(value)
                    + " is outside the range of a Fractional (IEEE-754 double, about ±1.8E308)");
        }
        return d;
    }

    private static String checkString(String feature, String value) {
        int bytes = utf8Length(value);
        if (bytes > MAX_VALUE_BYTES) {
            throw new ValidationException(feature, "value " + quote(value) + " is " + bytes
                    + " bytes of UTF-8; a feature value may be at most 350 KB (" + MAX_VALUE_BYTES + " bytes)");
        }
        return value;
    }

    /** UTF-8 length without allocating the encoded bytes for the common ASCII case. */
    static int utf8Length(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return s.length();
    }

    /** The value in quotes, shortened so a 350 KB value does not flood the message. */
    static String quote(String value) {
        return "'" + (value.length() <= 40 ? value : value.substring(0, 37) + "...") + "'";
    }
}
