package org.featureworkbench.dataset;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.featureworkbench.dataset.reference.EventInstants;
import org.featureworkbench.dataset.reference.ExpectedDataset;

/**
 * Compares a built dataset with the reference's. Joined features must be equal as typed values
 * (Long, Double, String, null); base columns are the base's own cells, which the engine may have
 * typed (a CSV's "7" read as 7, ISO text read as a timestamp), so they compare by value.
 */
final class DatasetComparison {
    private DatasetComparison() {
    }

    /** @return null when equal, else the first difference in words */
    static String difference(ExpectedDataset expected, int baseTimeColumn, List<String> columns, List<Object[]> rows) {
        if (!expected.columns().equals(columns)) {
            return "columns: expected " + expected.columns() + " but got " + columns;
        }
        if (expected.rows().size() != rows.size()) {
            return "rows: expected " + expected.rows().size() + " but got " + rows.size() + "\n"
                    + table(expected.rows(), rows);
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> want = expected.rows().get(r);
            Object[] got = rows.get(r);
            for (int c = 0; c < got.length; c++) {
                boolean same = c < expected.baseColumns()
                        ? sameBaseCell(want.get(c), got[c], c == baseTimeColumn) : sameFeature(want.get(c), got[c]);
                if (!same) {
                    return "row " + r + " column " + columns.get(c) + ": expected " + describe(want.get(c)) + " but got "
                            + describe(got[c]) + "\n" + table(expected.rows(), rows);
                }
            }
        }
        return null;
    }

    static boolean sameFeature(Object want, Object got) {
        return Objects.equals(want, got);
    }

    static boolean sameBaseCell(Object want, Object got, boolean isTime) {
        if (want == null || got == null) {
            return want == got;
        }
        if (isTime) {
            return EventInstants.of(want).equals(instant(got));
        }
        if (want instanceof Number || got instanceof Number) {
            try {
                return new BigDecimal(want.toString()).compareTo(new BigDecimal(got.toString())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return want.toString().equals(got.toString());
    }

    private static Instant instant(Object value) {
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return EventInstants.of(value);
    }

    private static String describe(Object value) {
        return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }

    private static String table(List<List<Object>> expected, List<Object[]> actual) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            lines.add(String.format("  %3d  want %s%n       got  %s", i,
                    i < expected.size() ? expected.get(i) : "-", i < actual.size() ? Arrays.toString(actual.get(i)) : "-"));
        }
        return String.join("\n", lines);
    }
}
