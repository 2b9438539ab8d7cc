package org.featureworkbench.dataset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.dataset.reference.EventInstants;
import org.featureworkbench.dataset.reference.GroupHistory;
import org.featureworkbench.dataset.reference.HistoryRow;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryOptions;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.ResultColumn;

/**
 * Reads every stored offline row of a group, raw (no dedupe, no filter), as the reference's input.
 * Only the rows come from the store; what to make of them is the reference's business.
 */
final class StoredHistory {
    private StoredHistory() {
    }

    /** @param putOrderFeature an Integral feature counting the test's PutRecords, or null */
    static GroupHistory read(FeatureStore store, String groupName, String putOrderFeature) {
        FeatureGroup group = store.describeFeatureGroup(groupName);
        String idName = group.definition().recordIdentifierFeatureName();
        String timeName = group.definition().eventTimeFeatureName();
        List<String> features = group.features().stream().map(FeatureDefinition::name).toList();
        List<HistoryRow> rows = new ArrayList<>();
        try (QueryResult result = store.query().run("SELECT * FROM \"" + groupName + "\"", QueryOptions.DEFAULT,
                new QueryCancellation())) {
            List<String> columns = result.columns().stream().map(ResultColumn::name).toList();
            for (Object[] cells : result.page(0, (int) Math.max(1, result.rowCount()))) {
                Map<String, Object> values = new HashMap<>();
                for (String feature : features) {
                    values.put(feature, cells[columns.indexOf(feature)]);
                }
                Object order = putOrderFeature == null ? null : values.get(putOrderFeature);
                rows.add(new HistoryRow(values.get(idName), EventInstants.of(values.get(timeName)),
                        (Instant) cells[columns.indexOf("api_invocation_time")],
                        (Instant) cells[columns.indexOf("write_time")],
                        (Boolean) cells[columns.indexOf("is_deleted")], order == null ? null : (Long) order, values));
            }
        }
        return new GroupHistory(groupName, idName, timeName, features, rows);
    }
}
