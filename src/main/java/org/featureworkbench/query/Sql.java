package org.featureworkbench.query;

import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;

/** Quoting of identifiers and literals for the SQL the engine writes itself. Thread-safe. */
public final class Sql {
    private Sql() {
    }

    /** {@code "name"} with inner quotes doubled: safe for any group or feature name. */
    public static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code 'text'} with inner quotes doubled. */
    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    /** A TIMESTAMPTZ literal of an instant (microsecond precision, UTC). */
    public static String timestamp(Instant instant) {
        return "TIMESTAMPTZ " + literal(instant.toString());
    }

    /** {@code ['a', 'b']}: a DuckDB list of string literals. */
    public static String stringList(Collection<String> values) {
        return values.stream().map(Sql::literal).collect(Collectors.joining(", ", "[", "]"));
    }
}
