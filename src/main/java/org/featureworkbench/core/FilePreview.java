package org.featureworkbench.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.featureworkbench.model.FeatureType;

/**
 * The first rows of a source file as an ingest would read them, returned by
 * {@link IngestOperations#preview}: how the file is read, its columns with the type inference gives
 * them over these rows, the rows themselves, and the rows that cannot be read. Immutable.
 *
 * @param format     the format the file is read as (detected unless the options named one)
 * @param delimiter  the CSV field separator; null for Parquet and JSON Lines
 * @param quote      the CSV quote character; null when the file is read without quoting, or not CSV
 * @param encoding   the text encoding's name, e.g. {@code UTF-8}; null for Parquet
 * @param bomRemoved true when a byte-order mark preceded the text and was skipped
 * @param columns    the header's columns in file order, each with its detected type
 * @param rows       the readable rows among the first records, in file order
 * @param problems   the rows among the first records that cannot be read (an ingest rejects them)
 * @param moreRows   true when the file has records after the ones looked at
 * @param notes      what the reader noticed that a user should know (detected delimiter, a blank
 *                   header name, a header/row field-count mismatch…), in order
 */
public record FilePreview(FileFormat format, Character delimiter, Character quote, String encoding,
                          boolean bomRemoved, List<Column> columns, List<Row> rows, List<Problem> problems,
                          boolean moreRows, List<String> notes) {

    public FilePreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** The column names in file order. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** How many records were looked at: readable rows plus problems. */
    public int recordsRead() {
        return rows.size() + problems.size();
    }

    /**
     * One column of the file.
     *
     * @param name its name in the header (a blank header name is shown as {@code column_N}, as the ingest names it)
     * @param type the type inference gives it over the previewed rows: Integral for whole numbers,
     *             Fractional for decimals, String for anything else, a mix, or no values at all
     */
    public record Column(String name, FeatureType type) {
    }

    /**
     * One readable row.
     *
     * @param line   1-based line in the file where the row starts (Parquet: the row number)
     * @param values one cell per column of {@link FilePreview#columns()}, in that order (unmodifiable);
     *               null where the cell is missing (an unquoted empty CSV cell, JSON {@code null} or an
     *               absent key, a Parquet null), {@code ""} for a quoted empty cell
     */
    public record Row(long line, List<String> values) {
        public Row {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /** The cell in column {@code index}, or null when missing. */
        public String value(int index) {
            return index < values.size() ? values.get(index) : null;
        }
    }

    /**
     * A row that cannot be read.
     *
     * @param line   1-based line in the file where the row starts
     * @param reason why, as the ingest's rejects file will say it
     * @param text   the row as written in the file
     */
    public record Problem(long line, String reason, String text) {
    }
}
