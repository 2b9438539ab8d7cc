package org.featureworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.database.WaitNotices;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.ui.task.HeldDeliveryExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    @TempDir
    Path workspace;
    FeatureStore store;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    MainViewModel vm;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        vm = new MainViewModel(store, new CurrentThreadTaskExecutor(), dialogs);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> visibleNames() {
        return vm.visibleGroups().stream().map(FeatureGroup::name).toList();
    }

    @Test
    void aWaitForAnotherProcessShowsOnTheStatusLineUntilTheStoreCloses() {
        assertEquals("", vm.waitNoticeProperty().get());
        // What the database hand-over publishes while this process waits (ADR 0016).
        WaitNotices.publish("waiting for the workspace database, which another process is opening or handing over");
        assertEquals("waiting for the workspace database, which another process is opening or handing over",
                vm.waitNoticeProperty().get());
        WaitNotices.publish("the workspace database is available again (waited 812 ms); going on");
        assertTrue(vm.waitNoticeProperty().get().startsWith("the workspace database is available again"));

        store.close();
        WaitNotices.publish("waiting for compact customers in process 871 to finish");
        assertTrue(vm.waitNoticeProperty().get().startsWith("the workspace database is available again"),
                "a closed store tells its window nothing more");
        store = Workspace.open(workspace);
    }

    @Test
    void anEmptyWorkspaceShowsTheWelcomePageOnlyAfterLoading() {
        assertFalse(vm.emptyProperty().get(), "nothing is known before the first load");
        vm.refresh();
        assertTrue(vm.emptyProperty().get());
        assertEquals("0 feature groups", vm.groupCountTextProperty().get());
    }

    @Test
    void refreshShowsGroupsCreatedByAnotherClientAndKeepsTheSelection() {
        store.createFeatureGroup(Definitions.customers("customers"));
        vm.refresh();
        vm.selectedGroupProperty().set(vm.find("customers").orElseThrow());
        store.createFeatureGroup(Definitions.customers("accounts"));
        vm.refresh();
        assertEquals(List.of("accounts", "customers"), visibleNames());
        assertEquals("customers", vm.selectedGroupProperty().get().name());
        assertFalse(vm.emptyProperty().get());
    }

    @Test
    void searchMatchesNameDescriptionRecordIdFeatureNamesAndTags() {
        store.createFeatureGroup(Definitions.customers("customers"));
        store.createFeatureGroup(Definitions.customers("orders").withTags(Map.of("team", "payments")));
        vm.refresh();
        vm.searchTextProperty().set("PAYMENTS");
        assertEquals(List.of("orders"), visibleNames());
        vm.searchTextProperty().set("score");
        assertEquals(List.of("customers", "orders"), visibleNames());
        vm.searchTextProperty().set("cust risk");
        assertEquals(List.of("customers"), visibleNames());
        assertEquals("1 of 2 feature groups match", vm.groupCountTextProperty().get());
        vm.searchTextProperty().set("no-such-thing");
        assertTrue(vm.visibleGroups().isEmpty());
    }

    @Test
    void creatingAGroupHiddenBySearchClearsTheSearchAndSelectsIt() {
        vm.refresh();
        vm.searchTextProperty().set("zzz");
        FeatureGroup created = store.createFeatureGroup(Definitions.customers("customers"));
        vm.groupCreated(created);
        assertEquals("", vm.searchTextProperty().get());
        assertEquals(List.of("customers"), visibleNames());
        assertEquals(created, vm.selectedGroupProperty().get());
    }

    @Test
    void deletingTheSelectedGroupSelectsAnotherOne() {
        store.createFeatureGroup(Definitions.customers("a"));
        store.createFeatureGroup(Definitions.customers("b"));
        vm.refresh();
        FeatureGroup a = vm.find("a").orElseThrow();
        vm.selectedGroupProperty().set(a);
        vm.groupDeleted(store.deleteFeatureGroup("a", false));
        assertEquals(List.of("b"), visibleNames());
        assertEquals("b", vm.selectedGroupProperty().get().name());
        vm.groupDeleted(store.deleteFeatureGroup("b", false));
        assertNull(vm.selectedGroupProperty().get());
        assertTrue(vm.emptyProperty().get());
    }

    @Test
    void groupsCreatedChangedAndDeletedElsewhereShowWithoutRefresh() {
        store.createFeatureGroup(Definitions.customers("customers"));
        vm.refresh();
        FeatureGroup shown = vm.find("customers").orElseThrow();
        vm.selectedGroupProperty().set(shown);

        vm.checkForOutsideChanges();
        assertSame(shown, vm.find("customers").orElseThrow(), "nothing changed: nothing is reloaded");
        assertEquals("", vm.waitNoticeProperty().get());
        assertEquals(0, vm.outsideChangesProperty().get(), "the pages listing groups are not asked to reread");

        // What the command line or a client of the API would do: the store, not this window.
        store.createFeatureGroup(Definitions.customers("accounts"));
        vm.checkForOutsideChanges();
        assertEquals(List.of("accounts", "customers"), visibleNames());
        assertEquals(1, vm.outsideChangesProperty().get(), "Explore, Datasets and Connect reread the groups");
        assertEquals("customers", vm.selectedGroupProperty().get().name(), "a new group does not take the selection");
        assertEquals("", vm.waitNoticeProperty().get(), "a new group just appears");

        store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.STRING)));
        vm.checkForOutsideChanges();
        assertEquals(5, vm.selectedGroupProperty().get().features().size(), "the page shows the new feature");
        assertEquals("Feature group 'customers' was changed elsewhere: 5 features now"
                + " (command line, API or another window)", vm.waitNoticeProperty().get());

        store.deleteFeatureGroup("customers", false);
        vm.checkForOutsideChanges();
        assertEquals(List.of("accounts"), visibleNames());
        assertNull(vm.selectedGroupProperty().get(), "the page empties rather than jumping to another group");
        assertEquals("Feature group 'customers' was deleted elsewhere (command line, API or another window)",
                vm.waitNoticeProperty().get());
        assertEquals("1 feature group", vm.groupCountTextProperty().get());
    }

    @Test
    void aChangeMadeInThisWindowIsNotReportedAsMadeElsewhere() {
        store.createFeatureGroup(Definitions.customers("customers"));
        vm.refresh();
        vm.selectedGroupProperty().set(vm.find("customers").orElseThrow());
        // As the add-features dialog, the tag editor and the new-group dialog report their results.
        vm.groupUpdated(store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.STRING))));
        vm.groupUpdated(store.updateTags("customers", Map.of("team", "risk"), Set.of()));
        vm.groupCreated(store.createFeatureGroup(Definitions.customers("accounts")));
        FeatureGroup shown = vm.find("customers").orElseThrow();

        vm.checkForOutsideChanges();
        assertEquals("", vm.waitNoticeProperty().get());
        assertSame(shown, vm.find("customers").orElseThrow(), "the group this window changed equals the stored one");
        assertEquals(List.of("accounts", "customers"), visibleNames());
    }

    @Test
    void aCheckReadBeforeThisWindowDeletedAGroupDoesNotBringItBack() {
        HeldDeliveryExecutor held = new HeldDeliveryExecutor();
        MainViewModel window = new MainViewModel(store, held, dialogs);
        store.createFeatureGroup(Definitions.customers("a"));
        window.refresh();
        held.deliverAll();
        store.createFeatureGroup(Definitions.customers("b"));
        window.checkForOutsideChanges();
        // The check has read a and b; before it is delivered, this window deletes a (its dialog's task is done).
        window.groupDeleted(store.deleteFeatureGroup("a", false));
        held.deliverAll();
        assertEquals(List.of(), window.groups().stream().map(FeatureGroup::name).toList(),
                "the older reading is dropped, not applied");
        assertEquals("", window.waitNoticeProperty().get());

        window.checkForOutsideChanges();
        held.deliverAll();
        assertEquals(List.of("b"), window.groups().stream().map(FeatureGroup::name).toList(), "the next check reads again");
        assertEquals("", window.waitNoticeProperty().get(), "a's delete was this window's, b's creation is not told");
    }

    @Test
    void whileATaskOfThisWindowRunsTheListFollowsButNothingIsTold() {
        HeldDeliveryExecutor held = new HeldDeliveryExecutor();
        MainViewModel window = new MainViewModel(store, held, dialogs);
        store.createFeatureGroup(Definitions.customers("customers"));
        window.refresh();
        held.deliverAll();
        held.execute(() -> "a long query", r -> { }, e -> { });
        store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.STRING)));
        window.checkForOutsideChanges();
        held.deliverAll();
        assertEquals(5, window.find("customers").orElseThrow().features().size());
        assertEquals("", window.waitNoticeProperty().get(), "the change could be the running task's own");
        window.checkForOutsideChanges();
        held.deliverAll();
        assertTrue(window.waitNoticeProperty().get().startsWith("Feature group 'customers' was changed elsewhere"),
                "the task was no group change of this window's: the next check tells it");
    }

    @Test
    void aChangeSeenWhileThisWindowChangedTheGroupItselfIsNeverTold() {
        HeldDeliveryExecutor held = new HeldDeliveryExecutor();
        MainViewModel window = new MainViewModel(store, held, dialogs);
        store.createFeatureGroup(Definitions.customers("customers"));
        window.refresh();
        held.deliverAll();
        // As the add-features dialog: the catalog changes first, the table copy takes a while.
        FeatureGroup added = store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.STRING)));
        held.executeMayWait(() -> added, window::groupUpdated, e -> { });
        window.checkForOutsideChanges();
        held.deliverNewest(); // the check overtakes the dialog's task: the list follows, the notice is held
        assertEquals(5, window.find("customers").orElseThrow().features().size());
        held.deliverAll(); // the dialog reports its own change
        window.checkForOutsideChanges();
        held.deliverAll();
        assertEquals(5, window.find("customers").orElseThrow().features().size());
        assertEquals("", window.waitNoticeProperty().get());
    }

    @Test
    void aCheckAfterTheWindowsExecutorStoppedIsQuietlyDropped() {
        CurrentThreadTaskExecutor inline = new CurrentThreadTaskExecutor();
        org.featureworkbench.ui.task.TaskExecutor stopped = new org.featureworkbench.ui.task.TaskExecutor() {
            @Override
            public <T> void execute(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> ok,
                                    java.util.function.Consumer<? super Throwable> failed) {
                inline.execute(work, ok, failed);
            }

            @Override
            public <T> void executeJob(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> ok,
                                       java.util.function.Consumer<? super Throwable> failed) {
                throw new java.util.concurrent.RejectedExecutionException("executor stopped for a repair");
            }

            @Override
            public javafx.beans.property.ReadOnlyIntegerProperty runningTasksProperty() {
                return inline.runningTasksProperty();
            }
        };
        MainViewModel closing = new MainViewModel(store, stopped, dialogs);
        closing.refresh();
        closing.checkForOutsideChanges(); // the window's timer, one last time
        assertFalse(closing.checkingForOutsideChanges());
    }

    @Test
    void sampleDataCreatesTheBundledGroupsOnceAndSaysSo() {
        vm.refresh();
        vm.loadSampleData();
        assertEquals(Set.of("customers", "orders", "transactions"), Set.copyOf(visibleNames()));
        assertTrue(dialogs.infos.get(0).startsWith("Created 3 groups"), dialogs.infos.get(0));
        vm.loadSampleData();
        assertEquals(3, vm.groups().size());
        assertTrue(dialogs.infos.get(1).contains("Already present"), dialogs.infos.get(1));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void loadingSampleDataCreatesTheGroupsAndIngestsTheirRows() {
        vm.refresh();
        vm.loadSampleData();
        assertEquals(List.of("customers", "orders", "transactions"), visibleNames());
        assertTrue(store.records().stats("customers").onlineRecords() > 0, "customers has records");
        assertTrue(store.records().stats("transactions").offline().rows() >= 1000, "transactions were ingested offline");
        assertEquals(3, store.ingest().jobs().size(), "each CSV was ingested as a job");
        assertTrue(dialogs.infos.get(0).contains("Ingested"), dialogs.infos.get(0));
        assertEquals(3, vm.jobs().rows().size(), "the jobs list was refreshed");
        // T000865, the newest sample event of all three files, was moved to the load time, so its 30-day TTL keeps it online.
        var newest = store.records().getRecord("transactions", "T000865", null).orElseThrow();
        assertTrue(Duration.between(newest.eventTime(), Instant.now()).abs().toMinutes() <= 2,
                "the newest sample event is now, not in November 2026: " + newest.eventTime());
    }
}
