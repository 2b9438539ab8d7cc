package org.featureworkbench.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a source file, as text.
 *
 * <p>A value is null when the cell is missing: an unquoted empty CSV cell, a JSON {@code null}
 * or absent key, a Parquet null. A quoted empty CSV cell ({@code ""}) and a JSON {@code ""} are
 * the empty string. A row the reader could not split into values (ragged, over-long cell, bad
 * JSON) has a non-null {@link #problem()}; it must be rejected, never stored.
 *
 * <p>Immutable once built; the values array is owned by the row.
 */
public final class SourceRow {
    private final long line;
    private final String originalText;
    private final Columns columns;
    private final String[] values;
    private final String problem;

    SourceRow(long line, String originalText, Columns columns, String[] values, String problem) {
        this.line = line;
        this.originalText = originalText;
        this.columns = columns;
        this.values = values;
        this.problem = problem;
    }

    static SourceRow rejected(long line, String originalText, Columns columns, String problem) {
        return new SourceRow(line, originalText, columns, new String[columns.size()], problem);
    }

    /** 1-based line in the file where the row starts (Parquet: 1-based row number). */
    public long line() {
        return line;
    }

    /** The row as it was written (CSV: the raw text without its line break; JSON Lines: the line; Parquet: a JSON rendering). */
    public String originalText() {
        return originalText;
    }

    /** The column names the values line up with. */
    public Columns columns() {
        return columns;
    }

    /** Why the row cannot be used, or null when it is fine. */
    public String problem() {
        return problem;
    }

    public boolean isRejected() {
        return problem != null;
    }

    /** The value in column {@code index} (null when missing or when the row is rejected). */
    public String value(int index) {
        return index < values.length ? values[index] : null;
    }

    /** The value of the column with this name (case-insensitive), null when missing or no such column. */
    public String value(String column) {
        int i = columns.indexOf(column);
        return i < 0 ? null : value(i);
    }

    /** Column name to value, in column order (built on each call). */
    public Map<String, String> values() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.name(i), value(i));
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return "line " + line + (problem == null ? ": " + values() : ": rejected: " + problem);
    }
}
