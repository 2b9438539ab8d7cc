package org.featureworkbench.query;

/**
 * One column of a query result.
 *
 * @param name      as DuckDB labels it
 * @param type      DuckDB's type name, e.g. {@code BIGINT}, {@code VARCHAR}, {@code TIMESTAMP WITH TIME ZONE}
 */
public record ResultColumn(String name, String type) {

    /** True for integer, decimal and floating-point columns. */
    public boolean numeric() {
        String t = type.toUpperCase(java.util.Locale.ROOT);
        return t.contains("INT") || t.startsWith("DOUBLE") || t.startsWith("FLOAT") || t.startsWith("DECIMAL")
                || t.startsWith("REAL") || t.startsWith("NUMERIC");
    }

    /** True for timestamp and date columns. */
    public boolean temporal() {
        String t = type.toUpperCase(java.util.Locale.ROOT);
        return t.startsWith("TIMESTAMP") || t.equals("DATE");
    }
}
