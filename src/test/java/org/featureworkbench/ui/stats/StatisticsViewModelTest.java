package org.featureworkbench.ui.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.query.stats.DriftReading;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsViewModelTest {
    @TempDir
    Path dir;
    FeatureStore store;
    StatisticsViewModel vm;

    @BeforeEach
    void open() {
        store = Workspace.open(dir.resolve("ws"));
        StatsData.fill(store, dir);
        vm = new StatisticsViewModel(store, new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void nothingLoadsUntilTheTabOpensThenHistoryAndLatest() {
        vm.groupProperty().set(store.describeFeatureGroup("metrics"));
        assertNull(vm.statisticsProperty().get(), "the tab was never opened");
        vm.activate();
        assertEquals(600, vm.statisticsProperty().get().rows());
        assertFalse(vm.busyProperty().get());
        assertEquals("value", vm.seriesFeatureProperty().get(), "the first numeric feature is chosen");
        vm.latestOnlyProperty().set(true);
        assertEquals(60, vm.statisticsProperty().get().rows());
        assertEquals(LocalDate.parse("2026-11-01"), vm.referenceFromProperty().get(), "windows suggested from the data");
    }

    @Test
    void seriesAndDriftLandOnTheirProperties() {
        vm.groupProperty().set(store.describeFeatureGroup("metrics"));
        vm.activate();
        vm.recordIdProperty().set(" m3 ");
        vm.showSeries();
        assertEquals(10, vm.seriesProperty().get().points().size());
        assertEquals("", vm.seriesErrorProperty().get());

        vm.referenceFromProperty().set(LocalDate.parse("2026-11-01"));
        vm.referenceToProperty().set(LocalDate.parse("2026-11-10"));
        vm.currentFromProperty().set(LocalDate.parse("2026-11-11"));
        vm.currentToProperty().set(LocalDate.parse("2026-11-20"));
        vm.compareWindows();
        assertEquals(DriftReading.SHIFTED, vm.driftProperty().get().feature("value").orElseThrow().reading());
        assertEquals(300, vm.driftProperty().get().referenceRows());
    }

    @Test
    void problemsBecomeMessagesNotExceptions() {
        vm.groupProperty().set(store.describeFeatureGroup("metrics"));
        vm.activate();
        vm.showSeries();
        assertEquals("Type a record id and choose a numeric feature.", vm.seriesErrorProperty().get());
        vm.recordIdProperty().set("nobody");
        vm.showSeries();
        assertTrue(vm.seriesErrorProperty().get().startsWith("Record nobody has no values of value"),
                vm.seriesErrorProperty().get());

        vm.referenceFromProperty().set(LocalDate.parse("2026-11-10"));
        vm.referenceToProperty().set(LocalDate.parse("2026-11-01"));
        vm.currentFromProperty().set(LocalDate.parse("2030-01-01"));
        vm.currentToProperty().set(LocalDate.parse("2030-01-02"));
        vm.compareWindows();
        assertTrue(vm.driftErrorProperty().get().startsWith("The reference window ends before it starts"),
                vm.driftErrorProperty().get());
        vm.referenceToProperty().set(LocalDate.parse("2026-11-12"));
        vm.compareWindows();
        assertTrue(vm.driftErrorProperty().get().startsWith("The current window 2030-01-01"), vm.driftErrorProperty().get());
        vm.dateNotUnderstood("soon");
        assertEquals("'soon' is not a date: write it as 2026-11-01, or pick one from the calendar.",
                vm.driftErrorProperty().get());
        assertNull(vm.driftProperty().get());

        store.createFeatureGroup(new FeatureGroupDefinition("online-only", "id", "ts",
                store.describeFeatureGroup("metrics").features(), "", java.util.Map.of(), OnlineStoreConfig.ENABLED,
                OfflineStoreConfig.DISABLED));
        vm.groupProperty().set(store.describeFeatureGroup("online-only"));
        assertNull(vm.statisticsProperty().get());
        assertTrue(vm.errorProperty().get().contains("has no offline store"), vm.errorProperty().get());
    }
}
