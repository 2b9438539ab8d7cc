package org.featureworkbench.ui.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.shell.MainViewModel;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureMetadataViewModelTest {
    @TempDir
    Path workspace;
    FeatureStore store;
    MainViewModel main;
    FeatureMetadataViewModel vm;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        store.createFeatureGroup(Definitions.customers("customers"));
        store.createFeatureGroup(Definitions.customers("accounts"));
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        main = new MainViewModel(store, executor, dialogs);
        GroupDetailViewModel detail = new GroupDetailViewModel(store, executor, dialogs, main);
        detail.groupProperty().bind(main.selectedGroupProperty());
        main.refresh();
        main.selectedGroupProperty().set(main.find("customers").orElseThrow());
        vm = detail.metadata();
        vm.selectedFeatureNameProperty().set("age");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Map<String, String> storedParameters() {
        return store.describeFeatureGroup("customers").definition().feature("age").orElseThrow().parameters();
    }

    @Test
    void savingTheDescriptionUpdatesTheStoreAndTheFeatureTable() {
        assertFalse(vm.descriptionChangedProperty().get());
        vm.descriptionProperty().set("Age in whole years");
        assertTrue(vm.descriptionChangedProperty().get());
        vm.saveDescription();
        assertEquals("Age in whole years",
                store.describeFeatureGroup("customers").definition().feature("age").orElseThrow().description());
        assertEquals("Age in whole years", main.selectedGroupProperty().get().definition().feature("age").orElseThrow().description());
        assertFalse(vm.descriptionChangedProperty().get());
        assertEquals("age", vm.selectedFeatureProperty().get().name(), "the feature stays selected");
    }

    @Test
    void parametersCanBeAddedAndRemoved() {
        vm.newParameterKeyProperty().set("unit");
        vm.newParameterValueProperty().set("years");
        vm.addParameter();
        vm.newParameterKeyProperty().set("source");
        vm.newParameterValueProperty().set("crm");
        vm.addParameter();
        assertEquals(Map.of("unit", "years", "source", "crm"), storedParameters());
        assertEquals(List.of(new KeyValue("unit", "years"), new KeyValue("source", "crm")), vm.parameters());
        vm.removeParameter("unit");
        assertEquals(Map.of("source", "crm"), storedParameters());
        assertEquals(List.of(new KeyValue("source", "crm")), vm.parameters());
    }

    @Test
    void aTooLongDescriptionIsReportedInlineAndNothingChanges() {
        vm.descriptionProperty().set("x".repeat(256));
        vm.saveDescription();
        assertTrue(vm.errorProperty().get().contains("255"), vm.errorProperty().get());
        assertEquals("", store.describeFeatureGroup("customers").definition().feature("age").orElseThrow().description());
        assertEquals("x".repeat(256), vm.descriptionProperty().get(), "the user's text is not lost");
    }

    @Test
    void switchingToAnotherGroupClearsTheSelectedFeature() {
        main.selectedGroupProperty().set(main.find("accounts").orElseThrow());
        assertNull(vm.selectedFeatureProperty().get());
        assertTrue(vm.parameters().isEmpty());
    }
}
