package org.featureworkbench.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.workspace.Workspace;

/** A real workspace in a temp folder, with helpers to write history, write base files and read datasets. */
final class DatasetFixture implements AutoCloseable {
    final FeatureStore store;
    final Path dir;

    DatasetFixture(Path dir) {
        this.dir = dir;
        this.store = Workspace.open(dir.resolve("workspace"));
    }

    /** A group keyed by a String {@code id}, event time {@code ts} of the given type, plus the given features. */
    DatasetFixture group(String name, FeatureType eventTimeType, FeatureDefinition... extra) {
        List<FeatureDefinition> features = new ArrayList<>();
        features.add(new FeatureDefinition("id", FeatureType.STRING));
        features.add(new FeatureDefinition("ts", eventTimeType));
        features.addAll(List.of(extra));
        store.createFeatureGroup(new FeatureGroupDefinition(name, "id", "ts", features, "", Map.of(),
                OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED));
        return this;
    }

    static FeatureDefinition integral(String name) {
        return new FeatureDefinition(name, FeatureType.INTEGRAL);
    }

    static FeatureDefinition string(String name) {
        return new FeatureDefinition(name, FeatureType.STRING);
    }

    /** PutRecord with alternating name/value pairs. */
    DatasetFixture put(String group, String... namesAndValues) {
        Record.Builder record = Record.builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            record.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        store.records().putRecord(group, record.build(), Set.of(), null);
        return this;
    }

    /** A soft DeleteRecord: a delete marker at {@code eventTime}. */
    DatasetFixture delete(String group, String id, String eventTime) {
        store.records().deleteRecord(group, id, eventTime, DeletionMode.SOFT_DELETE, Set.of());
        return this;
    }

    /** Publishes every pending row: they get their write_time now. */
    DatasetFixture flush() {
        store.records().flush(null);
        return this;
    }

    /** A CSV base file with these lines (the first is the header). */
    Path csv(String name, String... lines) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A base file of (id, t) rows, each line "id,t". */
    DatasetBase base(String... idCommaTime) {
        List<String> lines = new ArrayList<>(List.of("id,t"));
        lines.addAll(List.of(idCommaTime));
        return DatasetBase.file(csv("base-" + System.nanoTime() + ".csv", lines.toArray(String[]::new)), "id", "t");
    }

    /** The whole dataset, read through preview. */
    Table rows(DatasetSpec spec) {
        try (QueryResult result = store.datasets().preview(spec, 100_000, new QueryCancellation())) {
            return new Table(result.columns().stream().map(ResultColumn::name).toList(),
                    result.page(0, (int) Math.max(1, result.rowCount())));
        }
    }

    /** A dataset's columns and rows. */
    record Table(List<String> columns, List<Object[]> rows) {
        List<Object> column(String name) {
            int i = columns.indexOf(name);
            if (i < 0) {
                throw new AssertionError("no column " + name + " in " + columns);
            }
            return rows.stream().map(r -> r[i]).toList();
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
