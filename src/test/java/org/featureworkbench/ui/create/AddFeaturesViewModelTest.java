package org.featureworkbench.ui.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.shell.MainViewModel;
import org.featureworkbench.ui.task.LaneRecordingExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddFeaturesViewModelTest {
    @TempDir
    Path workspace;
    FeatureStore store;
    MainViewModel main;
    FeatureGroup group;
    LaneRecordingExecutor executor = new LaneRecordingExecutor();

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        group = store.createFeatureGroup(Definitions.customers("customers"));
        main = new MainViewModel(store, executor, new ScriptedDialogs());
        main.refresh();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anExistingNameCannotBeAddedAndIsExplained() {
        AddFeaturesViewModel vm = new AddFeaturesViewModel(store, executor, group, main);
        assertEquals("", vm.problemText().get(), "no messages before typing");
        vm.features().get(0).nameProperty().set("Age");
        assertFalse(vm.canAddProperty().get());
        assertTrue(vm.problemText().get().contains("already exists"), vm.problemText().get());
        vm.add();
        assertNull(vm.updatedProperty().get());
        assertEquals(4, store.describeFeatureGroup("customers").features().size());
    }

    @Test
    void newFeaturesAreAppendedAndTheShellShowsTheNewVersion() {
        AddFeaturesViewModel vm = new AddFeaturesViewModel(store, executor, group, main);
        vm.features().get(0).nameProperty().set("segment");
        vm.features().add(new FeatureRow("balance", FeatureType.FRACTIONAL));
        assertTrue(vm.canAddProperty().get());
        executor.takeLanes();
        vm.add();
        assertEquals(java.util.List.of(LaneRecordingExecutor.Lane.MAY_WAIT), executor.takeLanes(),
                "adding features copies the online table: off the short tasks' two threads");
        FeatureGroup stored = store.describeFeatureGroup("customers");
        assertEquals(6, stored.features().size());
        assertEquals(FeatureType.FRACTIONAL, stored.definition().feature("balance").orElseThrow().type());
        assertEquals(stored.definition(), vm.updatedProperty().get().definition());
        assertEquals(6, main.find("customers").orElseThrow().features().size());
    }

    @Test
    void aGroupDeletedMeanwhileIsReportedInTheDialog() {
        AddFeaturesViewModel vm = new AddFeaturesViewModel(store, executor, group, main);
        vm.features().get(0).nameProperty().set("segment");
        store.deleteFeatureGroup("customers", false);
        vm.add();
        assertTrue(vm.submitErrorProperty().get().contains("customers"), vm.submitErrorProperty().get());
        assertNull(vm.updatedProperty().get());
    }

    @Test
    void anUnexpectedFailureIsToldWithoutAJavaClassName() {
        org.featureworkbench.ui.task.TaskExecutor failing = new org.featureworkbench.ui.task.TaskExecutor() {
            @Override
            public <T> void execute(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> ok,
                                    java.util.function.Consumer<? super Throwable> failed) {
                failed.accept(new IllegalStateException("the disk went away"));
            }

            @Override
            public javafx.beans.property.ReadOnlyIntegerProperty runningTasksProperty() {
                return executor.runningTasksProperty();
            }
        };
        AddFeaturesViewModel vm = new AddFeaturesViewModel(store, failing, group, main);
        vm.features().get(0).nameProperty().set("segment");
        vm.add();
        assertEquals("The features were not added: something unexpected went wrong (the disk went away). Nothing was"
                + " changed; the details are in the log.", vm.submitErrorProperty().get());
    }
}
