package org.featureworkbench.dataset;

import java.time.Instant;
import java.util.List;

/**
 * A checked dataset definition: the SQL that produces its rows and the columns it will have.
 *
 * @param sql     the SELECT, in output order (what a build writes; splits cut it into parts)
 * @param columns the output columns, base columns first
 * @param asOf    the write time every group is read as of
 */
public record DatasetPlan(String sql, List<String> columns, Instant asOf) {
    public DatasetPlan {
        columns = List.copyOf(columns);
    }
}
