package org.featureworkbench.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;
import org.featureworkbench.workspace.Workspace;

/** A real workspace in a temp folder, with helpers to write records and read query results. */
final class QueryFixture implements AutoCloseable {
    final FeatureStore store;

    QueryFixture(Path dir) {
        this.store = Workspace.open(dir);
    }

    /** A group with a String id and the given event-time type, plus the given extra features. */
    QueryFixture group(String name, FeatureType eventTimeType, FeatureDefinition... extra) {
        List<FeatureDefinition> features = new ArrayList<>();
        features.add(new FeatureDefinition("id", FeatureType.STRING));
        features.add(new FeatureDefinition("ts", eventTimeType));
        features.addAll(List.of(extra));
        store.createFeatureGroup(new FeatureGroupDefinition(name, "id", "ts", features, "", Map.of(),
                OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED));
        return this;
    }

    /** PutRecord with alternating name/value pairs. */
    QueryFixture put(String group, String... namesAndValues) {
        Record.Builder record = Record.builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            record.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        store.records().putRecord(group, record.build(), Set.of(), null);
        return this;
    }

    /** Runs SQL and returns every row (for small results). */
    List<Object[]> rows(String sql) {
        try (QueryResult result = store.query().run(sql, QueryOptions.DEFAULT, new QueryCancellation())) {
            return result.page(0, (int) Math.max(1, result.rowCount()));
        }
    }

    List<Object[]> rows(TimeTravel read) {
        try (QueryResult result = store.query().run(read, QueryOptions.DEFAULT, new QueryCancellation())) {
            return result.page(0, (int) Math.max(1, result.rowCount()));
        }
    }

    Object single(String sql) {
        return rows(sql).get(0)[0];
    }

    @Override
    public void close() {
        store.close();
    }
}
