package org.featureworkbench.dataset.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of an entity file, as written: column names and each row's cells (text or numbers).
 *
 * @param columns    the header, in file order
 * @param idColumn   the column of record ids
 * @param timeColumn the column of event times (ISO-8601 text or epoch seconds)
 * @param rows       the cells of each row, in file order
 */
public record BaseTable(List<String> columns, String idColumn, String timeColumn, List<List<Object>> rows) {
    public BaseTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    /** A table from its columns and rows given as arrays. */
    public static BaseTable of(List<String> columns, String idColumn, String timeColumn, List<Object[]> rows) {
        return new BaseTable(columns, idColumn, timeColumn, rows.stream().map(Arrays::asList).toList());
    }

    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no base column " + name + " in " + columns);
        }
        return i;
    }
}
