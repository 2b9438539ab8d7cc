package org.featureworkbench.query;

import java.time.Instant;
import org.featureworkbench.model.FeatureValues;

/**
 * How a result value reads, the same in the CLI's tables and CSV and in the GUI's cells: instants
 * in ISO-8601 UTC, and DOUBLE values as the stores write Fractional values
 * ({@link FeatureValues#format}: plain digits for everyday magnitudes). DuckDB's JDBC driver hands
 * DOUBLE columns over as {@code Double}, whose own text turns 1796447556.605 (a Fractional event
 * time) into "1.796447556605E9"; `get`, DuckDB's shell and its CSV writer print the digits.
 */
public final class ValueText {
    private ValueText() {
    }

    /** The text of {@code value}; null as the empty string (callers that show "NULL" decide so). */
    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Double) {
            return FeatureValues.format(value);
        }
        if (value instanceof java.time.LocalDateTime t) {
            // toString() drops zero seconds ("2024-01-01T10:00"); files DuckDB writes keep them.
            return t.format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        return String.valueOf(value);
    }
}
