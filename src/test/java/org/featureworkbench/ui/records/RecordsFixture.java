package org.featureworkbench.ui.records;

import java.nio.file.Path;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.Record;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.task.LaneRecordingExecutor;
import org.featureworkbench.workspace.Workspace;

/**
 * A real workspace with the {@code customers} group (customer_id String, event_time String,
 * age Integral, score Fractional; both stores; 7-day TTL) shown on a Records tab whose view
 * model runs every store call on the test thread.
 */
final class RecordsFixture implements AutoCloseable {
    final FeatureStore store;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final LaneRecordingExecutor executor = new LaneRecordingExecutor();
    final RecordsViewModel vm;
    final FeatureGroup group;

    RecordsFixture(Path workspace) {
        store = Workspace.open(workspace);
        group = store.createFeatureGroup(Definitions.customers("customers"));
        vm = new RecordsViewModel(store, executor, dialogs);
        vm.groupProperty().set(group);
    }

    /** Puts a record straight through the facade, as the CLI or an ingest would. */
    void put(String id, String eventTime, String age) {
        store.records().putRecord("customers", Record.builder().put("customer_id", id).put("event_time", eventTime)
                .put("age", age).build(), java.util.Set.of(), null);
    }

    /** An event time {@code hours} before now, whole seconds, in the group's ISO format (records stay unexpired). */
    static java.time.Instant hoursAgo(int hours) {
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(java.time.Duration.ofHours(hours));
    }

    static String iso(java.time.Instant time) {
        return org.featureworkbench.model.EventTimes.format(time, org.featureworkbench.model.FeatureType.STRING);
    }

    /** Types {@code value} into the put form's input for {@code feature}. */
    void type(String feature, String value) {
        vm.putForm().field(feature).valueProperty().set(value);
    }

    @Override
    public void close() {
        store.close();
    }
}
