package org.featureworkbench.ui.explore;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.ResultColumn;

/**
 * Columns of a result that hold event times DuckDB does not see as times. SageMaker's String event
 * times ({@code 2026-12-01T10:00:00Z}, with or without milliseconds) are VARCHAR, and Fractional
 * ones (seconds since the epoch) are DOUBLE, yet they are what a data scientist wants on a chart's
 * time axis, far more than the store's own {@code write_time}. A text column counts when every
 * non-empty value among the result's first {@value #SAMPLE} rows is such a time; a numeric column
 * counts when it bears the name of a group's Fractional event-time feature.
 */
final class EventTimeColumns {
    static final int SAMPLE = 100;

    private EventTimeColumns() {
    }

    /**
     * The columns of {@code result} holding event times; reads at most {@value #SAMPLE} rows (not on the FX thread).
     *
     * @param fractionalEventTimes names of the workspace's Fractional event-time features
     */
    static Set<ResultColumn> of(QueryResult result, Set<String> fractionalEventTimes) {
        List<ResultColumn> columns = result.columns();
        Set<ResultColumn> found = new LinkedHashSet<>();
        columns.stream().filter(c -> c.numeric() && fractionalEventTimes.contains(c.name())).forEach(found::add);
        if (result.rowCount() == 0 || columns.stream().noneMatch(EventTimeColumns::text)) {
            return found;
        }
        List<Object[]> sample = result.page(0, (int) Math.min(SAMPLE, result.rowCount()));
        for (int i = 0; i < columns.size(); i++) {
            if (text(columns.get(i)) && allTimes(sample, i)) {
                found.add(columns.get(i));
            }
        }
        return found;
    }

    private static boolean text(ResultColumn column) {
        return column.type().equalsIgnoreCase("VARCHAR");
    }

    private static boolean allTimes(List<Object[]> rows, int column) {
        boolean any = false;
        for (Object[] row : rows) {
            Object v = row[column];
            if (v == null) {
                continue;
            }
            if (!(v instanceof String s) || EventTimes.parseSageMakerIso(s) == null) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
