package org.featureworkbench.query;

/**
 * A LIST, STRUCT or MAP value of a result, as JSON text ({@code ["a","b"]}, {@code {"k":1}}): the
 * CLI's JSON output embeds it as JSON, and tables, CSV and the GUI's cells show the same text, so
 * elements that hold ", " stay unambiguous.
 *
 * @param json the value as JSON
 */
public record NestedValue(String json) {
    @Override
    public String toString() {
        return json;
    }
}
