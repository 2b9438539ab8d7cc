package org.featureworkbench.dataset;

import java.util.Locale;
import org.featureworkbench.model.ValidationException;

/**
 * A base event-time column as an instant, whatever DuckDB read it as: ISO-8601 text (both
 * SageMaker forms, or any timestamp DuckDB casts), epoch seconds (a number or numeric text, at
 * millisecond precision like a Fractional event time), a timestamp (UTC) or a date (its midnight, UTC).
 */
final class BaseTimes {
    private BaseTimes() {
    }

    static String instant(String column, String duckDbType, String field) {
        String t = duckDbType.toUpperCase(Locale.ROOT);
        if (t.equals("TIMESTAMP WITH TIME ZONE") || t.equals("TIMESTAMPTZ")) {
            return column;
        }
        if (t.startsWith("TIMESTAMP") || t.equals("DATE")) {
            return "CAST(" + column + " AS TIMESTAMPTZ)";
        }
        if (numeric(t)) {
            return epochSeconds(column);
        }
        if (t.equals("VARCHAR")) {
            return "COALESCE(TRY_CAST(" + column + " AS TIMESTAMPTZ), " + epochSeconds("TRY_CAST(" + column + " AS DOUBLE)") + ")";
        }
        throw new ValidationException(field, "the base's event-time column " + column + " holds " + duckDbType
                + " values, not times; choose a column of ISO-8601 times or epoch seconds");
    }

    private static String epochSeconds(String value) {
        return "make_timestamp(CAST(round(CAST(" + value + " AS DOUBLE) * 1000) AS BIGINT) * 1000)::TIMESTAMPTZ";
    }

    static boolean numeric(String upperType) {
        return upperType.contains("INT") || upperType.startsWith("DOUBLE") || upperType.startsWith("FLOAT")
                || upperType.startsWith("DECIMAL") || upperType.startsWith("REAL");
    }
}
