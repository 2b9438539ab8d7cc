package org.featureworkbench.ui.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.shell.MainViewModel;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewGroupViewModelTest {
    @TempDir
    Path workspace;
    FeatureStore store;
    MainViewModel main;
    NewGroupViewModel vm;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        main = new MainViewModel(store, executor, dialogs);
        main.refresh();
        vm = new NewGroupViewModel(store, executor, dialogs, main);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void fillValidForm(String name) {
        vm.nameProperty().set(name);
        vm.features().get(0).nameProperty().set("customer_id");
        vm.features().add(new FeatureRow("event_time", FeatureType.FRACTIONAL));
        vm.features().add(new FeatureRow("age", FeatureType.INTEGRAL));
        vm.recordIdProperty().set("customer_id");
        vm.eventTimeProperty().set("event_time");
    }

    @Test
    void aFreshFormCannotBeCreatedButShowsNoMessagesYet() {
        assertFalse(vm.canCreateProperty().get());
        for (FormField field : FormField.values()) {
            assertEquals("", vm.problemFor(field).get(), field.name());
        }
    }

    @Test
    void anInvalidNameIsShownBesideTheNameAndBlocksCreate() {
        fillValidForm("../x");
        assertFalse(vm.canCreateProperty().get());
        assertTrue(vm.problemFor(FormField.NAME).get().contains("'../x' is not a valid feature group name"),
                vm.problemFor(FormField.NAME).get());
        vm.nameProperty().set("customers");
        assertEquals("", vm.problemFor(FormField.NAME).get());
        assertTrue(vm.canCreateProperty().get());
    }

    @Test
    void pickersOfferOnlyFeaturesOfAllowedTypesAndFollowTheTable() {
        fillValidForm("customers");
        assertEquals(List.of("customer_id", "age"), vm.recordIdChoices());
        assertEquals(List.of("customer_id", "event_time"), vm.eventTimeChoices());
        vm.features().get(1).typeProperty().set(FeatureType.INTEGRAL);
        assertEquals(List.of("customer_id"), vm.eventTimeChoices());
        assertNull(vm.eventTimeProperty().get(), "an event time that became Integral is unselected");
        assertTrue(vm.problemFor(FormField.EVENT_TIME).get().contains("no event time feature"));
    }

    @Test
    void featureRowProblemsNameTheRowAUserSees() {
        fillValidForm("customers");
        vm.features().add(new FeatureRow("is_deleted", FeatureType.STRING));
        vm.features().add(new FeatureRow("AGE", FeatureType.STRING));
        String message = vm.problemFor(FormField.FEATURES).get();
        assertTrue(message.contains("Row 4: 'is_deleted' is reserved"), message);
        assertTrue(message.contains("Row 5: feature 'AGE' is defined more than once"), message);
    }

    @Test
    void neitherStoreOrADuplicateTagKeyIsReportedUnderItsSection() {
        fillValidForm("customers");
        vm.onlineProperty().set(false);
        vm.offlineProperty().set(false);
        assertTrue(vm.problemFor(FormField.STORES).get().contains("enable at least one"));
        vm.offlineProperty().set(true);
        vm.tags().add(new TagRow("team", "a"));
        vm.tags().add(new TagRow("team", "b"));
        assertTrue(vm.problemFor(FormField.TAGS).get().contains("used twice"));
        assertFalse(vm.canCreateProperty().get());
    }

    @Test
    void createStoresExactlyWhatTheFormSays() {
        fillValidForm("customers");
        vm.descriptionProperty().set("Customer profile");
        vm.ttlEnabledProperty().set(true);
        vm.ttlValueProperty().set(12);
        vm.ttlUnitProperty().set(TtlUnit.HOURS);
        vm.tags().add(new TagRow(" team ", "growth"));
        vm.tags().add(new TagRow("", ""));
        vm.create();
        FeatureGroup stored = store.describeFeatureGroup("customers");
        assertEquals(stored, vm.createdProperty().get());
        assertEquals(new TtlDuration(TtlUnit.HOURS, 12), stored.definition().onlineStore().ttl());
        assertEquals(Map.of("team", "growth"), stored.definition().tags());
        assertEquals("event_time", stored.definition().eventTimeFeatureName());
        assertEquals("customers", main.selectedGroupProperty().get().name(), "the shell selects the new group");
    }

    @Test
    void anExistingNameIsShownBesideTheNameAndNothingElseIsCreated() {
        store.createFeatureGroup(Definitions.customers("customers"));
        fillValidForm("customers");
        vm.create();
        assertNull(vm.createdProperty().get());
        assertTrue(vm.problemFor(FormField.NAME).get().contains("customers"), vm.problemFor(FormField.NAME).get());
        assertFalse(vm.canCreateProperty().get());
        vm.nameProperty().set("customers2");
        assertTrue(vm.canCreateProperty().get());
        vm.create();
        assertNotNull(vm.createdProperty().get());
    }

    @Test
    void importFillsTheFormAndListsWarnings() throws Exception {
        Path file = workspace.resolve("def.json");
        Files.writeString(file, """
                {"FeatureGroupName": "orders", "RecordIdentifierFeatureName": "order_id",
                 "EventTimeFeatureName": "ts", "RoleArn": "arn:aws:iam::1:role/x",
                 "FeatureDefinitions": [{"FeatureName": "order_id", "FeatureType": "Integral"},
                                        {"FeatureName": "ts", "FeatureType": "Fractional"}],
                 "OnlineStoreConfig": {"EnableOnlineStore": true, "TtlDuration": {"Unit": "Days", "Value": 3}}}
                """);
        vm.importFrom(file);
        assertEquals("orders", vm.nameProperty().get());
        assertEquals("order_id", vm.recordIdProperty().get());
        assertEquals("ts", vm.eventTimeProperty().get());
        assertEquals(3, vm.ttlValueProperty().get());
        assertTrue(vm.importMessageProperty().get().contains("RoleArn"), vm.importMessageProperty().get());
        assertTrue(vm.canCreateProperty().get());
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumnAndTheFormIsKept() throws Exception {
        vm.nameProperty().set("kept");
        Path file = workspace.resolve("bad.json");
        Files.writeString(file, "{\n  \"FeatureGroupName\": \"x\",\n  oops\n}");
        vm.importFrom(file);
        assertTrue(vm.importMessageProperty().get().contains("bad.json:3:"), vm.importMessageProperty().get());
        assertEquals("kept", vm.nameProperty().get());
    }
}
