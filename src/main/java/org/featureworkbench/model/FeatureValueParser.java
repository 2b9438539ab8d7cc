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

    private static final Pattern INTEGRAL_LOOKING_DECIMAL = Pattern.compile("[+-]?\\d+\\.0*");

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
        if (!isInteger(value)) {
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
        if (!isDecimal(value)) {
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

    /** {@code [+-]?\d+} without a regex: PutRecord checks every Integral value. */
    private static boolean isInteger(String v) {
        int i = v.startsWith("+") || v.startsWith("-") ? 1 : 0;
        int digits = skipDigits(v, i);
        return digits > i && digits == v.length();
    }

    /** {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?} without a regex. */
    static boolean isDecimal(String v) {
        int i = v.startsWith("+") || v.startsWith("-") ? 1 : 0;
        int intEnd = skipDigits(v, i);
        boolean intDigits = intEnd > i;
        i = intEnd;
        boolean fracDigits = false;
        if (i < v.length() && v.charAt(i) == '.') {
            int fracEnd = skipDigits(v, i + 1);
            fracDigits = fracEnd > i + 1;
            i = fracEnd;
        }
        if (!intDigits && !fracDigits) {
            return false;
        }
        if (i < v.length() && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            int exp = i + 1;
            if (exp < v.length() && (v.charAt(exp) == '+' || v.charAt(exp) == '-')) {
                exp++;
            }
            int expEnd = skipDigits(v, exp);
            if (expEnd == exp) {
                return false;
            }
            i = expEnd;
        }
        return i == v.length();
    }

    private static int skipDigits(String v, int from) {
        int i = from;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
        }
        return i;
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
