package org.featureworkbench.model;

import java.math.BigDecimal;

/** Formats typed feature values back to SageMaker's ValueAsString. Stateless and thread-safe. */
public final class FeatureValues {
    private FeatureValues() {
    }

    /**
     * The value as a string: Integral and String as they are; Fractional in plain decimal
     * notation for everyday magnitudes ({@code 1700000000.123}, {@code 0.5}) — so a Fractional
     * event time read back is accepted again by {@link EventTimes} — and in scientific notation
     * ({@code 1.0E-10}, {@code 1.0E20}) beyond them, always the shortest form that round-trips.
     *
     * @param value a {@link Long}, {@link Double} or {@link String}; null gives null
     */
    public static String format(Object value) {
        if (value instanceof Double d) {
            double abs = Math.abs(d);
            if (d == 0.0 || (abs >= 1e-6 && abs < 1e16)) {
                return BigDecimal.valueOf(d).toPlainString();
            }
            return Double.toString(d);
        }
        return value == null ? null : value.toString();
    }
}
