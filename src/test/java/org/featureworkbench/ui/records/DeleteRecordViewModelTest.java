package org.featureworkbench.ui.records;

import static org.featureworkbench.ui.records.RecordsFixture.hoursAgo;
import static org.featureworkbench.ui.records.RecordsFixture.iso;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.testing.OnlineTableBehindTheStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteRecordViewModelTest {
    @TempDir
    Path workspace;
    RecordsFixture f;

    @BeforeEach
    void open() {
        f = new RecordsFixture(workspace);
        f.put("c1", iso(hoursAgo(2)), "41");
        f.put("c2", iso(hoursAgo(2)), "52");
        f.vm.lookup().idsTextProperty().set("c1, c2");
        f.vm.lookup().lookUp();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private boolean readable(String id) {
        return f.store.records().getRecord("customers", id, null).isPresent();
    }

    @Test
    void theDialogStartsFromTheSelectedRowWithSoftDeleteAndNow() {
        f.vm.lookup().selectedProperty().set(f.vm.lookup().records().get(1));
        DeleteRecordViewModel delete = f.vm.newDeleteViewModel();
        assertEquals("c2", delete.recordIdProperty().get());
        assertEquals(DeletionMode.SOFT_DELETE, delete.modeProperty().get());
        assertTrue(delete.canDeleteProperty().get());
        assertTrue(DeleteRecordViewModel.explain(DeletionMode.HARD_DELETE).contains("newer"));
    }

    @Test
    void aSoftDeleteHidesTheRecordAndTheLookupShowsItAsNotFound() {
        f.vm.lookup().selectedProperty().set(f.vm.lookup().records().get(0));
        DeleteRecordViewModel delete = f.vm.newDeleteViewModel();
        f.executor.takeLanes();
        delete.delete();
        assertEquals(org.featureworkbench.ui.task.LaneRecordingExecutor.Lane.MAY_WAIT, f.executor.takeLanes().get(0),
                "a delete may wait minutes for features being added: never on the short tasks' two threads");
        assertTrue(delete.doneProperty().get());
        assertFalse(readable("c1"));
        assertEquals("Soft-deleted c1: it can no longer be read; a delete marker was added to the offline history.",
                f.vm.noticeProperty().get());
        assertEquals(java.util.List.of("c2"), f.vm.lookup().records().stream().map(RecordRow::id).toList());
        assertTrue(f.vm.lookup().notFoundProperty().get().startsWith("Not found: c1"));
        assertEquals("1", f.vm.counts().value("Online records"));
    }

    @Test
    void aHardDeleteWithAnOlderEventTimeShowsTheStoresMessageAndKeepsTheRecord() {
        DeleteRecordViewModel delete = f.vm.newDeleteViewModel();
        delete.recordIdProperty().set("c1");
        delete.modeProperty().set(DeletionMode.HARD_DELETE);
        delete.eventTimeProperty().set(iso(hoursAgo(5)));
        delete.delete();
        assertFalse(delete.doneProperty().get(), "the dialog stays open");
        assertFalse(delete.errorProperty().get().isEmpty());
        assertTrue(delete.errorProperty().get().contains("a hard delete needs an event time later than the stored record's"),
                delete.errorProperty().get());
        assertFalse(delete.errorProperty().get().contains("Exception"), "a message, not a stack trace");
        assertTrue(f.dialogs.errors.isEmpty());
        assertTrue(readable("c1"));
    }

    @Test
    void aHardDeleteWithANewerEventTimeRemovesTheRecord() {
        DeleteRecordViewModel delete = f.vm.newDeleteViewModel();
        delete.recordIdProperty().set("c2");
        delete.modeProperty().set(DeletionMode.HARD_DELETE);
        delete.delete();
        assertTrue(delete.doneProperty().get());
        assertFalse(readable("c2"));
        assertTrue(f.vm.noticeProperty().get().startsWith("Hard-deleted c2"));
    }

    @Test
    void aMalformedEventTimeDisablesDeleteWithTheAcceptedForms() {
        DeleteRecordViewModel delete = f.vm.newDeleteViewModel();
        delete.recordIdProperty().set("c1");
        delete.eventTimeProperty().set("yesterday");
        assertFalse(delete.canDeleteProperty().get());
        assertTrue(delete.eventTimeErrorProperty().get().contains("ISO-8601"), delete.eventTimeErrorProperty().get());
        delete.eventTimeProperty().set("1700000000");
        assertTrue(delete.canDeleteProperty().get(), "epoch seconds are accepted too");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a failed ALTER would otherwise leave the write waiting 5 minutes
    void aDeleteThatWaitsForFeaturesBeingAddedSaysSoThenIsDone() throws Exception {
        f.store.addFeatures("customers", java.util.List.of(new org.featureworkbench.model.FeatureDefinition("segment",
                org.featureworkbench.model.FeatureType.STRING)));
        String table = OnlineTableBehindTheStore.of(f.store, "customers");
        // as while H2 copies the table to add it
        OnlineTableBehindTheStore.alter(workspace, table, "DROP COLUMN \"segment\"");
        DeleteRecordViewModel delete = f.vm.newDeleteViewModel();
        delete.recordIdProperty().set("c1");
        java.util.List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        delete.waitingProperty().addListener((o, was, now) -> {
            shown.add(now);
            if (!now.isEmpty()) {
                java.util.concurrent.CompletableFuture.runAsync(() -> OnlineTableBehindTheStore.alter(workspace, table,
                        "ADD COLUMN \"segment\" VARCHAR"));
            }
        });

        delete.delete();

        assertEquals(java.util.List.of("The delete of record 'c1' waits: features are being added to feature group"
                + " 'customers', and it is done once the online table has them.", ""), shown);
        assertTrue(delete.doneProperty().get());
        assertFalse(readable("c1"));
    }
}
