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
 * <p>A CSV row keeps only its original text and where each cell lies in it ({@link CsvCells}); a
 * value becomes a String when asked for, and a number can be read straight from the text
 * ({@link #plainCell}). Making twelve Strings per row on the read-ahead thread, most of them only
 * to be parsed into numbers, was a third of that thread's work in {@code bench ingest}.
 *
 * <p>Immutable once built; the arrays are owned by the row.
 */
public final class SourceRow {
    private final long line;
    private final String originalText;
    private final Columns columns;
    private final String[] values;
    private final String problem;
    /** For a CSV row (values null): the cells of {@link #originalText}, as {@link CsvCells} lays them out. */
    private final int[] cells;
    private final char escape;

    SourceRow(long line, String originalText, Columns columns, String[] values, String problem) {
        this(line, originalText, columns, values, problem, null, CsvDialect.NONE);
    }

    private SourceRow(long line, String originalText, Columns columns, String[] values, String problem, int[] cells,
                      char escape) {
        this.line = line;
        this.originalText = originalText;
        this.columns = columns;
        this.values = values;
        this.problem = problem;
        this.cells = cells;
        this.escape = escape;
    }

    /** A CSV row whose values are cut from its text on demand; {@code cells} as {@link CsvCells#of} makes them. */
    static SourceRow csv(long line, String originalText, Columns columns, int[] cells, char escape) {
        return new SourceRow(line, originalText, columns, null, null, cells, escape);
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
        if (values == null) {
            return index < CsvCells.count(cells) ? CsvCells.value(originalText, cells, index, escape) : null;
        }
        return index < values.length ? values[index] : null;
    }

    /**
     * Whether the value in column {@code index} is exactly {@code originalText()} from
     * {@link #cellStart} to {@link #cellEnd} (a CSV cell without escapes), so it can be parsed
     * in place; when false, use {@link #value(int)}.
     */
    public boolean plainCell(int index) {
        return cells != null && index < CsvCells.count(cells) && CsvCells.isPlain(cells, index);
    }

    /** Where a {@linkplain #plainCell plain cell} starts in {@link #originalText()}. */
    public int cellStart(int index) {
        return CsvCells.start(cells, index);
    }

    /** Where a {@linkplain #plainCell plain cell} ends (exclusive) in {@link #originalText()}. */
    public int cellEnd(int index) {
        return CsvCells.end(cells, index);
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
