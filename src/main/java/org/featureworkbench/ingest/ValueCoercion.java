package org.featureworkbench.ingest;

import com.fasterxml.jackson.core.io.NumberInput;
import org.featureworkbench.model.FeatureType;

/**
 * Turns source text into a feature's typed value. The rules (docs/ingest.md):
 * <ul>
 *   <li>a missing value (null) stays null for every type; an empty or blank cell is null for
 *       Integral and Fractional, and stays as it is for String;</li>
 *   <li>Integral: optional sign and ASCII digits within 64 bits, surrounding spaces ignored; an
 *       exactly whole decimal such as {@code 1.0} is accepted (pandas writes integer columns with
 *       gaps that way), {@code 1.5}, thousands separators and exponents are rejected;</li>
 *   <li>Fractional: decimal or scientific notation ({@code -1.5}, {@code .5}, {@code 2e-3}) that
 *       fits a double; {@code NaN} and infinities are rejected;</li>
 *   <li>String: the text as it is.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class ValueCoercion {
    private ValueCoercion() {
    }

    /**
     * @return a {@link Long}, {@link Double} or {@link String} for the type, or null when missing
     * @throws ValueRejectedException saying why the text is not a value of the type
     */
    public static Object coerce(String raw, FeatureType type) {
        return switch (type) {
            case INTEGRAL -> integral(raw);
            case FRACTIONAL -> fractional(raw);
            case STRING -> raw;
        };
    }

    /** The canonical text of a coerced value: {@code 1.0} as Integral becomes {@code 1}; Fractional keeps its digits. */
    public static String canonical(String raw, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long l) {
            return Long.toString(l);
        }
        if (value instanceof Double) {
            String s = strip(raw);
            return s.charAt(0) == '+' ? s.substring(1) : s;
        }
        return (String) value;
    }

    /**
     * As {@link #coerce(String, FeatureType)} for {@code text.substring(from, to)}, without making
     * that String for a number (it is made only to reject the value, or for a String feature).
     */
    public static Object coerce(String text, int from, int to, FeatureType type) {
        return switch (type) {
            case INTEGRAL -> integral(text, from, to);
            case FRACTIONAL -> fractional(text, from, to);
            case STRING -> text.substring(from, to);
        };
    }

    /** @throws ValueRejectedException unless the text is a whole number in the 64-bit range (or blank → null) */
    public static Long integral(String raw) {
        return raw == null ? null : integral(raw, 0, raw.length());
    }

    /** {@link #integral(String)} of {@code text.substring(from, to)}. */
    public static Long integral(String text, int from, int to) {
        from = firstNonSpace(text, from, to);
        to = endWithoutSpace(text, from, to);
        if (from == to) {
            return null;
        }
        char sign = text.charAt(from);
        int i = sign == '+' || sign == '-' ? from + 1 : from;
        int digitsStart = i;
        long value = 0;
        while (i < to) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            i++;
        }
        int digitsEnd = i;
        if (digitsEnd == digitsStart) {
            throw notWhole(text.substring(from, to));
        }
        if (i < to) {
            rejectNotWhole(text.substring(from, to), i - from);
        }
        if (digitsEnd - digitsStart <= 18) {
            return sign == '-' ? -value : value; // 18 digits cannot overflow a long
        }
        try {
            return Long.parseLong(text, from, digitsEnd, 10);
        } catch (NumberFormatException e) {
            String s = text.substring(from, to);
            throw new ValueRejectedException("'" + s + "' is outside the Integral range (64-bit: "
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE + "); make the feature Fractional or String");
        }
    }

    /** Rejects {@code s}, whose digits end at {@code i}, unless the rest is a point and zeros (1.0, 1.000). */
    private static void rejectNotWhole(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == '.') {
            // Accept 1.0 / 1.000 (exactly whole), reject 1.5 and "1."-style oddities with letters.
            int j = i + 1;
            while (j < n && s.charAt(j) == '0') {
                j++;
            }
            if (j < n || j == i + 1) {
                throw j < n && isDigit(s.charAt(j)) && allDigits(s, j) ? new ValueRejectedException("'" + s
                        + "' is not a whole number; an Integral feature takes whole numbers (1.0 is fine, 1.5 is not)")
                        : notWhole(s);
            }
        } else if (c == ',') {
            throw new ValueRejectedException("'" + s + "' has a thousands separator; write the digits only, e.g. "
                    + s.replace(",", ""));
        } else if (c == 'e' || c == 'E') {
            throw new ValueRejectedException("'" + s + "' is in scientific notation; an Integral feature takes "
                    + "plain digits");
        } else {
            throw notWhole(s);
        }
    }

    /** @throws ValueRejectedException unless the text is a finite decimal or scientific number (or blank → null) */
    public static Double fractional(String raw) {
        return raw == null ? null : fractional(raw, 0, raw.length());
    }

    /** {@link #fractional(String)} of {@code text.substring(from, to)}. */
    public static Double fractional(String text, int from, int to) {
        from = firstNonSpace(text, from, to);
        to = endWithoutSpace(text, from, to);
        if (from == to) {
            return null;
        }
        double fast = exactDecimal(text, from, to);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        if (!isDecimal(text, from, to)) {
            String s = text.substring(from, to);
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            if (lower.matches("[+-]?(nan|inf|infinity)")) {
                throw new ValueRejectedException("'" + s + "' is not stored: NaN and infinities break comparisons in "
                        + "queries and deduplication; leave the cell empty for a missing value");
            }
            if (s.indexOf(',') >= 0) {
                throw new ValueRejectedException("'" + s + "' has a comma; write a decimal point and no thousands "
                        + "separators, e.g. 1234.5");
            }
            throw new ValueRejectedException("'" + s + "' is not a number; a Fractional feature takes decimals such as"
                    + " 1.5, -0.25 or 2e-3");
        }
        String s = text.substring(from, to);
        // Jackson's FastDoubleParser (Eisel-Lemire): the same correctly rounded value as
        // Double.parseDouble, which took a third of the mapping thread's time on full-precision
        // doubles (17 digits, as most tools write them) through its big-integer slow path.
        double d = NumberInput.parseDouble(s, true);
        if (Double.isInfinite(d)) {
            throw new ValueRejectedException("'" + s + "' is beyond the range of a double (about 1.8e308)");
        }
        return d;
    }

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22};

    /**
     * The value of a plain decimal (optional sign, digits with at most one point, no exponent) of
     * 1 to 15 digits, or NaN for any other text (more digits, an exponent, or not a number). Both the digits as an integer (below 2^53)
     * and the power of ten (at most 10^22) are exact doubles, so their quotient is the correctly
     * rounded value — exactly what {@link Double#parseDouble} returns (Clinger's fast path), at a
     * fraction of its cost.
     */
    static double exactDecimal(String s, int from, int to) {
        int i = from;
        boolean negative = false;
        char first = s.charAt(from);
        if (first == '+' || first == '-') {
            negative = first == '-';
            i++;
        }
        long digits = 0;
        int count = 0;
        int scale = -1;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++count > 15) {
                    return Double.NaN;
                }
                digits = digits * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return Double.NaN; // an exponent (or anything else): the general parser decides
            }
        }
        if (count == 0) {
            return Double.NaN; // "", "-", "." : not a number
        }
        double value = scale > 0 ? digits / POWERS_OF_TEN[scale] : digits;
        return negative ? -value : value;
    }

    /** Optional sign, then digits with an optional point (or a point and digits), then an optional exponent. */
    static boolean isDecimal(String s) {
        return isDecimal(s, 0, s.length());
    }

    private static boolean isDecimal(String s, int from, int n) {
        int i = s.charAt(from) == '+' || s.charAt(from) == '-' ? from + 1 : from;
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static ValueRejectedException notWhole(String s) {
        return new ValueRejectedException("'" + s + "' is not a whole number; an Integral feature takes an optional "
                + "sign and digits, e.g. 42 or -7");
    }

    private static boolean allDigits(String s, int from) {
        for (int k = from; k < s.length(); k++) {
            if (!isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The first index in {@code [from, to)} whose char is not whitespace, or {@code to}. */
    private static int firstNonSpace(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    /** {@code to} moved back over trailing whitespace, not before {@code from}. */
    private static int endWithoutSpace(String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** Strips surrounding whitespace, allocating only when there is some. */
    static String strip(String s) {
        int n = s.length();
        if (n > 0 && !Character.isWhitespace(s.charAt(0)) && !Character.isWhitespace(s.charAt(n - 1))) {
            return s;
        }
        return s.strip();
    }
}
