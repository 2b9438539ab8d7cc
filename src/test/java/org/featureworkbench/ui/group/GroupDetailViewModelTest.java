package org.featureworkbench.ui.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.CreateFeatureGroupJson;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.shell.MainViewModel;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupDetailViewModelTest {
    @TempDir
    Path workspace;
    FeatureStore store;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    MainViewModel main;
    GroupDetailViewModel vm;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        store.createFeatureGroup(Definitions.customers("customers"));
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        main = new MainViewModel(store, executor, dialogs);
        vm = new GroupDetailViewModel(store, executor, dialogs, main);
        // As in the window: the page always shows the shell's selected group.
        vm.groupProperty().bind(main.selectedGroupProperty());
        main.refresh();
        main.selectedGroupProperty().set(main.find("customers").orElseThrow());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String summary(String label) {
        return vm.summaryProperty().get().stream().filter(i -> i.label().equals(label)).findFirst().orElseThrow().value();
    }

    @Test
    void summaryDescribesIdentifierEventTimeStoresAndTtl() {
        assertEquals("customer_id (String)", summary("Record identifier"));
        assertEquals("event_time (String, ISO-8601 UTC)", summary("Event time"));
        assertEquals("Online and offline", summary("Stores"));
        assertEquals("7 Days", summary("Online TTL"));
        assertEquals("arn:aws:sagemaker:local:000000000000:feature-group/customers", summary("ARN"));
        assertEquals(List.of("customer_id", "event_time", "age", "score"),
                vm.features().stream().map(f -> f.name()).toList());
    }

    @Test
    void addingAndRemovingATagIsSavedInTheStore() {
        vm.newTagKeyProperty().set("domain");
        vm.newTagValueProperty().set("marketing");
        vm.addTag();
        assertEquals(Map.of("team", "risk", "domain", "marketing"), store.describeFeatureGroup("customers").definition().tags());
        assertTrue(vm.tags().contains(new KeyValue("domain", "marketing")));
        assertEquals("", vm.newTagKeyProperty().get(), "the add row is cleared after saving");
        vm.removeTag("team");
        assertEquals(Map.of("domain", "marketing"), store.describeFeatureGroup("customers").definition().tags());
        assertEquals(List.of(new KeyValue("domain", "marketing")), vm.tags());
    }

    @Test
    void anInvalidTagIsReportedBesideTheTagsAndNotSaved() {
        vm.newTagKeyProperty().set("bad#key");
        vm.addTag();
        assertTrue(vm.tagErrorProperty().get().contains("bad#key"), vm.tagErrorProperty().get());
        assertEquals(Map.of("team", "risk"), store.describeFeatureGroup("customers").definition().tags());
        assertTrue(dialogs.errors.isEmpty(), "an input mistake is not an error dialog");
    }

    @Test
    void deleteAsksFirstAndKeepsTheGroupWhenCancelled() {
        dialogs.confirmAnswers.add(Optional.empty());
        vm.delete();
        assertTrue(store.findFeatureGroup("customers").isPresent());
        dialogs.confirmAnswers.add(Optional.of(false));
        vm.delete();
        assertFalse(store.findFeatureGroup("customers").isPresent());
        assertTrue(main.groups().isEmpty());
        assertTrue(main.emptyProperty().get());
    }

    @Test
    void deleteWithTheOptionPurgesTheOfflineFiles() throws Exception {
        Path offline = store.offlineStoreDirectory().resolve(main.find("customers").orElseThrow().offlineFolderName());
        Files.createDirectories(offline.resolve("data"));
        Files.writeString(offline.resolve("data/part.parquet"), "x");
        dialogs.confirmAnswers.add(Optional.of(true));
        vm.delete();
        assertFalse(Files.exists(offline));
    }

    @Test
    void exportWritesCreateFeatureGroupJsonThatReadsBackToTheSameDefinition() throws Exception {
        Path target = workspace.resolve("out/customers.json");
        dialogs.fileAnswers.add(Optional.of(target));
        vm.exportJson();
        var read = CreateFeatureGroupJson.read(Files.readString(target), "customers.json");
        assertEquals(store.describeFeatureGroup("customers").definition().features().stream().map(f -> f.name()).toList(),
                read.definition().features().stream().map(f -> f.name()).toList());
        assertTrue(vm.noticeProperty().get().contains(target.toString()));
    }

    @Test
    void addFeaturesViewModelAppendsNewFeaturesToTheShownGroup() {
        var add = vm.newAddFeaturesViewModel();
        add.features().get(0).nameProperty().set("segment");
        add.add();
        assertEquals(5, vm.features().size());
        assertEquals("segment", vm.features().get(4).name());
    }
}
