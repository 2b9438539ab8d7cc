package org.featureworkbench.ui.explore;

import java.time.Instant;

/** How a result value reads in a table cell: instants in ISO-8601 UTC, null as {@code NULL}. */
final class ValueText {
    static final String NULL = "NULL";

    private ValueText() {
    }

    static String of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Double d && Double.isFinite(d) && d != 0 && Math.abs(d) < 1e15 && Math.abs(d) >= 1e-6) {
            // Plain digits, never "1.0E10": a data scientist compares these by eye.
            return java.math.BigDecimal.valueOf(d).toPlainString();
        }
        return String.valueOf(value);
    }
}
