package org.featureworkbench.ui.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.health.Finding;
import org.featureworkbench.model.Record;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.shell.MainViewModel;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthViewModelTest {
    @TempDir
    Path workspace;
    FeatureStore store;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    AtomicInteger reloads = new AtomicInteger();
    HealthViewModel vm;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        store.createFeatureGroup(Definitions.customers("customers"));
        store.records().putRecord("customers", Record.builder().put("customer_id", "c1")
                .put("event_time", "2030-01-01T00:00:00Z").put("age", "41").build(), null, null);
        store.records().flush("customers");
        vm = new HealthViewModel(store, new CurrentThreadTaskExecutor(), dialogs, reloads::incrementAndGet);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aHealthyWorkspaceShowsNoFindingsAndOffersNoRepair() {
        vm.check();
        assertTrue(vm.findings().isEmpty());
        assertTrue(vm.summaryProperty().get().startsWith("No damage found. Checked"), vm.summaryProperty().get());
        assertFalse(vm.canRepairProperty().get());
    }

    @Test
    void aMissingTableIsListedAndRepairRebuildsIt() throws Exception {
        dropOnlineTable();
        vm.check();
        assertEquals(1, vm.findings().size());
        assertEquals(Finding.Kind.ONLINE_TABLE_MISSING, vm.findings().get(0).kind());
        assertEquals("1 damaged part. Checked", vm.summaryProperty().get().substring(0, 23));
        assertTrue(vm.canRepairProperty().get());

        dialogs.confirmAnswers.push(Optional.of(true));
        vm.repair();
        assertTrue(vm.repairLines().get(0).startsWith("Repaired: rebuilt the online table of 'customers'"),
                vm.repairLines().toString());
        assertTrue(vm.findings().isEmpty());
        assertFalse(vm.canRepairProperty().get());
        assertEquals(1, reloads.get(), "the group list is reloaded");
        assertEquals(41L, store.records().getRecord("customers", "c1", null).orElseThrow().values().get("age"));
    }

    @Test
    void aRepairThatCouldNotRestoreEverythingDoesNotReadAsIfNothingWasLost() throws Exception {
        java.nio.file.Path file;
        try (var files = java.nio.file.Files.walk(workspace.resolve("offline-store"))) {
            file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        java.nio.file.Files.write(file, new byte[] {1, 2, 3}); // unreadable: its rows cannot come back
        vm.check();
        dialogs.confirmAnswers.push(Optional.of(true));
        vm.repair();
        assertTrue(vm.summaryProperty().get().startsWith("Repaired: no damage is left, but some data could not be"
                + " restored (see the list below). No damage found."), vm.summaryProperty().get());
        assertTrue(vm.repairLines().stream().anyMatch(l -> l.startsWith("Not restored: the rows of " + file.getFileName())),
                vm.repairLines().toString());
    }

    @Test
    void aDeclinedRepairChangesNothing() throws Exception {
        dropOnlineTable();
        vm.check();
        dialogs.confirmAnswers.push(Optional.empty());
        vm.repair();
        assertTrue(vm.repairLines().isEmpty());
        assertTrue(vm.damagedProperty().get());
        assertEquals(0, reloads.get());
    }

    @Test
    void aWorkspaceThatOpensDamagedShowsTheCheckPageAndSaysSo() throws Exception {
        dropOnlineTable();
        store.close();
        store = Workspace.open(workspace);
        MainViewModel main = new MainViewModel(store, new CurrentThreadTaskExecutor(), dialogs);
        main.checkAtOpening();
        assertTrue(main.showingHealthProperty().get());
        assertEquals(1, main.health().findings().size());
        assertTrue(dialogs.errors.get(0).contains("The online table of feature group 'customers' is missing"),
                dialogs.errors.toString());
    }

    @Test
    void unreadablePagesOfferToCloseTheWorkspaceAndRepairIntoANewDatabaseFile() {
        AtomicInteger newDatabaseRepairs = new AtomicInteger();
        vm.onNewDatabaseNeeded(newDatabaseRepairs::incrementAndGet);
        // What HealthOperations.repair answers when a page cannot be read: nothing repaired in place.
        Finding unreadable = new Finding(Finding.Kind.ONLINE_TABLE_DAMAGED, "customers", "a page of the online table"
                + " of feature group 'customers' cannot be read", "its records cannot be read", "run 'feature-workbench repair'");
        org.featureworkbench.health.RepairReport needsNewFile = new org.featureworkbench.health.RepairReport(
                java.util.List.of(), java.util.List.of(), java.util.List.of("the database file"),
                new org.featureworkbench.health.HealthReport(workspace, java.util.List.of(unreadable), "1 table"));

        dialogs.confirmAnswers.push(Optional.empty());
        vm.repaired(needsNewFile);
        assertEquals(0, newDatabaseRepairs.get(), "declined: the workspace stays open");
        assertTrue(vm.repairLines().get(0).contains("must be set aside and built again"), vm.repairLines().toString());
        assertTrue(vm.canRepairProperty().get(), "Repair can be pressed again");

        dialogs.confirmAnswers.push(Optional.of(true));
        vm.repaired(needsNewFile);
        assertEquals(1, newDatabaseRepairs.get(), "accepted: the app closes, repairs and reopens");
        assertEquals(0, reloads.get(), "nothing was repaired in this store");
    }

    @Test
    void withoutAnAppToRestartThePageSaysToCloseAndRunRepair() {
        Finding unreadable = new Finding(Finding.Kind.CATALOG_UNREADABLE, "catalog", "the catalog cannot be read",
                "no group can be listed", "run 'feature-workbench repair'");
        vm.repaired(new org.featureworkbench.health.RepairReport(java.util.List.of(), java.util.List.of(),
                java.util.List.of("the database file (close the workbench … then run 'feature-workbench repair')"),
                new org.featureworkbench.health.HealthReport(workspace, java.util.List.of(unreadable), "1 table")));
        assertTrue(vm.repairLines().get(0).startsWith("Not restored: the database file (close the workbench"),
                vm.repairLines().toString());
    }

    private void dropOnlineTable() throws Exception {
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(workspace), "fwb", "");
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'FWB_ONLINE_customers_%'");
            rs.next();
            s.execute("DROP TABLE \"" + rs.getString(1) + "\"");
        }
    }
}
