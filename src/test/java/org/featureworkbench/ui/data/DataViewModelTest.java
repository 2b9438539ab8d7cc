package org.featureworkbench.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
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
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Data tab's view model over a real offline store. */
class DataViewModelTest {
    @TempDir
    Path dir;
    FeatureStore store;
    DataViewModel vm;

    @BeforeEach
    void open() {
        store = Workspace.open(dir);
        store.createFeatureGroup(new FeatureGroupDefinition("g", "id", "ts", List.of(
                new FeatureDefinition("id", FeatureType.STRING), new FeatureDefinition("ts", FeatureType.STRING),
                new FeatureDefinition("v", FeatureType.INTEGRAL)), "", Map.of(), OnlineStoreConfig.ENABLED,
                OfflineStoreConfig.ENABLED));
        store.createFeatureGroup(new FeatureGroupDefinition("online-only", "id", "ts", List.of(
                new FeatureDefinition("id", FeatureType.STRING), new FeatureDefinition("ts", FeatureType.STRING)), "",
                Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.DISABLED));
        put("a", "2026-01-01T00:00:37Z", 1);
        put("a", "2026-01-01T00:00:37.001Z", 2);
        put("a", "2026-01-03T00:00:00Z", 3);
        put("b", "2026-01-02T12:00:00Z", 7);
        store.records().deleteRecord("g", "b", "2026-01-04T00:00:00Z", DeletionMode.SOFT_DELETE, Set.of());
        vm = new DataViewModel(store, new CurrentThreadTaskExecutor());
        vm.groupProperty().set(store.describeFeatureGroup("g"));
    }

    private void put(String id, String ts, int v) {
        store.records().putRecord("g", Record.builder().put("id", id).put("ts", ts).put("v", Integer.toString(v)).build(),
                Set.of(), null);
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
    }

    private List<Object> column(int index) {
        return vm.pager().rows().stream().map(r -> r[index]).toList();
    }

    @Test
    void latestShowsOneRowPerLiveRecord() {
        vm.load();
        assertEquals("", vm.errorProperty().get());
        assertEquals(List.of("a"), column(0), "b is deleted");
        assertEquals(List.of(3L), column(2));
        assertTrue(vm.statusProperty().get().startsWith("1 record · "), vm.statusProperty().get());
        vm.includeDeletedProperty().set(true);
        vm.load();
        assertEquals(2, vm.pager().rows().size(), "with deleted records, b shows its last values");
    }

    @Test
    void historyShowsEveryVersionOldestFirstByInstant() {
        vm.historyProperty().set(true);
        vm.recordIdProperty().set("a");
        vm.load();
        assertEquals(List.of(1L, 2L, 3L), column(2), "…37Z before …37.001Z");
        assertTrue(vm.statusProperty().get().startsWith("3 versions"), vm.statusProperty().get());
    }

    @Test
    void anEventRangeOfDatesCoversWholeDays() {
        vm.historyProperty().set(true);
        vm.fromProperty().set("2026-01-01");
        vm.toProperty().set("2026-01-02");
        vm.load();
        assertEquals(List.of(1L, 2L, 7L), column(2));
        vm.historyProperty().set(false);
        vm.toProperty().set("2026-01-01T00:00:37");
        vm.load();
        assertEquals(List.of(1L), column(2), "the latest snapshot as of the upper bound");
    }

    @Test
    void badInputAndGroupsWithoutHistoryAreInlineErrors() {
        vm.fromProperty().set("yesterday");
        vm.load();
        assertTrue(vm.errorProperty().get().startsWith("From: 'yesterday' is not a date"), vm.errorProperty().get());
        vm.fromProperty().set("2026-02-01");
        vm.toProperty().set("2026-01-01");
        vm.load();
        assertTrue(vm.errorProperty().get().startsWith("From is after To"), vm.errorProperty().get());
        vm.groupProperty().set(store.describeFeatureGroup("online-only"));
        assertEquals("", vm.fromProperty().get(), "another group starts with clear filters");
        vm.load();
        assertTrue(vm.errorProperty().get().contains("has no offline store"), vm.errorProperty().get());
        assertEquals(0, vm.pager().rowCountProperty().get());
    }

    @Test
    void eventTimeInputAcceptsIsoDatesAndTimes() {
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), EventTimeInput.from("2026-03-01", "From"));
        assertEquals(Instant.parse("2026-03-01T23:59:59.999999Z"), EventTimeInput.to("2026-03-01", "To"));
        assertEquals(Instant.parse("2026-03-01T10:30:00Z"), EventTimeInput.from("2026-03-01 10:30", "From"));
        assertEquals(Instant.parse("2026-03-01T08:30:00Z"), EventTimeInput.from("2026-03-01T10:30:00+02:00", "From"));
        assertEquals(Instant.parse("2026-03-01T10:30:00.123Z"), EventTimeInput.to("2026-03-01T10:30:00.123Z", "To"));
        assertEquals(null, EventTimeInput.from("  ", "From"));
    }
}
