package org.featureworkbench.ui.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestJob;
import org.featureworkbench.core.IngestListener;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Jobs page's list: finished and queued jobs, running count, cancel, summary text. */
class JobsViewModelTest {
    @TempDir
    Path workspace;
    FeatureStore store;
    JobsViewModel vm;
    ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        store.createFeatureGroup(Definitions.customers("customers"));
        vm = new JobsViewModel(store, new CurrentThreadTaskExecutor(), dialogs);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void listsJobsNewestFirstCountsRunningOnesAndCancels() throws Exception {
        Path file = Files.writeString(workspace.resolve("c.csv"),
                "customer_id,event_time,age\nc1,2024-05-01T10:00:00Z,33\nc2,2024-05-01T10:00:00Z,x\n");
        store.ingest().ingest(IngestRequest.of("customers", file), IngestListener.NONE);
        IngestJob queued = store.ingest().submit(IngestRequest.of("customers", file));
        vm.refresh();
        assertEquals(2, vm.rows().size());
        assertEquals(queued.id(), vm.rows().get(0).id());
        assertEquals(1, vm.runningProperty().get());
        assertEquals("1 job running", vm.runningTextProperty().get());

        JobRow done = vm.rows().get(1);
        assertEquals(IngestJob.State.SUCCEEDED, done.state());
        assertEquals("2", done.rows());
        assertEquals("1", done.rejected());
        assertEquals("c.csv", done.file());
        vm.selectedProperty().set(done);
        assertTrue(vm.detailsProperty().get().contains("Finished: 2 read · 1 online · 1 offline · 1 rejected"),
                vm.detailsProperty().get());
        assertTrue(vm.selectedHasRejects());
        vm.openRejects();
        assertEquals(1, dialogs.opened.size());

        vm.cancel(vm.rows().get(0));
        assertTrue(queued.isCancelRequested());
        store.ingest().run(queued, IngestListener.NONE);
        vm.refresh();
        assertEquals(IngestJob.State.CANCELLED, vm.rows().get(0).state());
        assertEquals(0, vm.runningProperty().get());
        assertEquals("", vm.runningTextProperty().get());
        assertEquals(done.id(), vm.selectedProperty().get().id(), "the selection survives a refresh");
    }

    @Test
    void anIngestAnotherProcessLeftInterruptedIsListedAndResumes() throws Exception {
        Path file = Files.writeString(workspace.resolve("c.csv"),
                "customer_id,event_time,age\nc1,2024-05-01T10:00:00Z,33\nc2,2024-05-01T11:00:00Z,34\n");
        writeInterruptedRecord(workspace, store.describeFeatureGroup("customers").offlineFolderName(), file);

        vm.refresh();

        assertEquals(1, vm.interrupted().size());
        assertEquals("1 ingest interrupted", vm.runningTextProperty().get());
        String described = JobsViewModel.describeInterrupted(vm.interrupted().get(0));
        assertTrue(described.contains("c.csv → customers"), described);
        // The same words as the CLI's warning and check's finding, not "0 rows are offline".
        assertTrue(described.contains(": none of its rows are in the offline store yet."), described);

        vm.resume(vm.interrupted().get(0));

        assertEquals(0, vm.interrupted().size());
        assertEquals("", vm.runningTextProperty().get());
        assertEquals("20261203T221500Z-AbC123", vm.rows().get(0).id(), "the resumed job keeps its id");
        assertEquals(IngestJob.State.SUCCEEDED, vm.rows().get(0).state());
        assertEquals("Done", vm.rows().get(0).stateText(), "the table says Done, not the enum's name");
        assertEquals(2, org.featureworkbench.testing.OfflineFiles.rows(workspace, "customers"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void choosingTheFileOfAnInterruptedIngestInTheWizardSaysToResumeIt() throws Exception {
        Path file = Files.writeString(workspace.resolve("c.csv"), "customer_id,event_time,age\nc1,2024-05-01T10:00:00Z,33\n");
        Path other = Files.writeString(workspace.resolve("d.csv"), "customer_id,event_time,age\nc1,2024-05-01T10:00:00Z,33\n");
        writeInterruptedRecord(workspace, store.describeFeatureGroup("customers").offlineFolderName(), file);
        SourceStepViewModel source = new SourceStepViewModel(store, new CurrentThreadTaskExecutor(), dialogs);

        source.fileProperty().set(file);
        assertTrue(source.interruptedProperty().get().contains("Resume it on the Jobs page"),
                source.interruptedProperty().get());

        source.fileProperty().set(other);
        assertEquals("", source.interruptedProperty().get());
    }

    /** What a killed process leaves: a record marked running whose lock nobody holds (job 20261203T221500Z-AbC123). */
    static void writeInterruptedRecord(Path workspace, String groupFolder, Path file) throws java.io.IOException {
        Files.createDirectories(workspace.resolve("jobs"));
        Files.writeString(workspace.resolve("jobs").resolve("20261203T221500Z-AbC123.json"), """
                {"id":"20261203T221500Z-AbC123","token":"Tok3nAbC","status":"RUNNING","pid":999999,
                 "request":{"group":"customers","file":"%s","targets":[],"renames":{},"stampEventTime":false,
                            "onError":"SKIP"},
                 "fileSize":%d,"fileModifiedMs":%d,"groupFolder":"%s","invokedAtMs":1764800100000,
                 "startedMs":1764800100000,"updatedMs":1764800101000,"endedMs":0,"rowsRead":2,"rowsPublished":0,
                 "checkpoints":0,"offlineDone":false,"writtenOnline":0}
                """.formatted(file.toAbsolutePath().normalize().toString().replace("\\", "\\\\"), Files.size(file),
                Files.getLastModifiedTime(file).toMillis(), groupFolder));
    }
}
