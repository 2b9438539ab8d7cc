package org.featureworkbench.query;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

/** Turns DuckDB's JDBC values into plain Java values every front end can show. Thread-safe. */
final class Values {
    private Values() {
    }

    /**
     * TIMESTAMPTZ → {@link Instant}; TIMESTAMP → {@link java.time.LocalDateTime}; numbers, strings and
     * booleans as they are; lists, structs and maps → their text.
     */
    static Object plain(Object value) throws SQLException {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (value instanceof Array array) {
            Object elements = array.getArray();
            return elements instanceof Object[] objects ? Arrays.toString(objects) : String.valueOf(elements);
        }
        if (value instanceof Struct struct) {
            return String.valueOf(struct);
        }
        return value;
    }
}
