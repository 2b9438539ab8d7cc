package org.featureworkbench.dataset.reference;

import java.util.List;

/**
 * What the reference says a dataset holds.
 *
 * @param columns     output column names: the base's, then each joined group's features
 * @param baseColumns how many of the columns come from the base
 * @param rows        the output rows, in output order
 */
public record ExpectedDataset(List<String> columns, int baseColumns, List<List<Object>> rows) {
    public ExpectedDataset {
        columns = List.copyOf(columns);
    }
}
