package org.featureworkbench.query;

import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns DuckDB's JDBC values into plain Java values every front end can show. Thread-safe. */
final class Values {
    private Values() {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * TIMESTAMPTZ → {@link Instant}; TIMESTAMP → {@link java.time.LocalDateTime}; numbers, strings and
     * booleans as they are; lists, structs and maps → {@link NestedValue} (their JSON); a BLOB → its
     * bytes as text: printable ASCII as it is, anything else (and the backslash) as {@code \xFF}.
     */
    static Object plain(Object value) throws SQLException {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (value instanceof Array || value instanceof Struct || value instanceof Map<?, ?>) {
            try {
                return new NestedValue(JSON.writeValueAsString(tree(value)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        if (value instanceof Blob blob) {
            return blobText(blob.getBytes(1, (int) Math.min(Integer.MAX_VALUE, blob.length())));
        }
        return value;
    }

    /** A nested value as lists and maps of JSON-ready leaves (numbers, booleans, text). */
    private static Object tree(Object value) throws SQLException {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Array array) {
            Object elements = array.getArray();
            List<Object> list = new ArrayList<>();
            if (elements instanceof Object[] objects) {
                for (Object o : objects) {
                    list.add(tree(o));
                }
            }
            return list;
        }
        if (value instanceof org.duckdb.DuckDBStruct struct) {
            return tree(struct.getMap());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(ValueText.of(plain(e.getKey())), tree(e.getValue()));
            }
            return out;
        }
        if (value instanceof Array || value instanceof Struct || value instanceof Map<?, ?>) {
            return String.valueOf(value); // another driver's nested type: its text, never plain() again
        }
        return ValueText.of(plain(value));
    }

    private static String blobText(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v >= 0x20 && v < 0x7F && v != '\\') {
                text.append((char) v);
            } else {
                text.append(String.format("\\x%02X", v));
            }
        }
        return text.toString();
    }
}
