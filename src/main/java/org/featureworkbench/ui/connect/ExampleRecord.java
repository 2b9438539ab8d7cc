package org.featureworkbench.ui.connect;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryOptions;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.ResultColumn;

/**
 * Finds one record identifier of a group, so the get-record snippets read a record that exists
 * instead of a placeholder. Reads the offline history (one row); a group without offline data
 * has no example, and the snippet keeps its placeholder.
 */
final class ExampleRecord {
    private static final QueryOptions ONE_ROW = new QueryOptions(1, Duration.ofSeconds(10));

    private ExampleRecord() {
    }

    static Optional<String> idOf(FeatureStore store, FeatureGroup group) {
        if (!group.definition().offlineStore().enabled()) {
            return Optional.empty();
        }
        String idName = group.definition().recordIdentifierFeatureName();
        try (QueryResult result = store.query().run(store.query().timeTravel(group.name()).history(), ONE_ROW,
                new QueryCancellation())) {
            List<ResultColumn> columns = result.columns();
            List<Object[]> rows = result.page(0, 1);
            for (int i = 0; i < columns.size() && !rows.isEmpty(); i++) {
                if (columns.get(i).name().equals(idName) && rows.get(0)[i] != null) {
                    return Optional.of(rows.get(0)[i].toString());
                }
            }
            return Optional.empty();
        }
    }
}
