package org.featureworkbench.ui.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.FilePreview;
import org.featureworkbench.core.IngestJob;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.core.RecordStats;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.create.FormField;
import org.featureworkbench.ui.group.GroupEvents;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.ui.task.LaneRecordingExecutor;
import org.featureworkbench.ui.task.TaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest wizard's view models on a real store: every step, both kinds of target, failure and cancel. */
class IngestWizardViewModelTest {
    @TempDir
    Path workspace;
    @TempDir
    Path files;
    FeatureStore store;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    List<String> created = new ArrayList<>();
    List<FeatureGroup> updated = new ArrayList<>();
    int jobsChanged;

    GroupEvents events = new GroupEvents() {
        @Override
        public void groupCreated(FeatureGroup group) {
            created.add(group.name());
        }

        @Override
        public void groupUpdated(FeatureGroup group) {
            updated.add(group);
        }

        @Override
        public void groupDeleted(FeatureGroup group) {
        }
    };

    /** An event time inside the test group's 7-day online TTL. */
    static final String NOW = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private IngestWizardViewModel wizard(TaskExecutor executor, FeatureGroup target) {
        return new IngestWizardViewModel(store, executor, dialogs, events, () -> jobsChanged++, target);
    }

    private Path csv(String name, String text) throws Exception {
        return Files.writeString(files.resolve(name), text);
    }

    private void readFile(IngestWizardViewModel vm, Path file) {
        dialogs.fileAnswers.push(java.util.Optional.of(file));
        vm.source().chooseFile();
        vm.next();
        assertEquals(WizardStep.PREVIEW, vm.stepProperty().get(), vm.source().errorProperty().get());
    }

    @Test
    void aNewGroupIsInferredEditedAndFilled() throws Exception {
        Path file = csv("payments.csv", "payment_id,event_time,amount,note\n"
                + "p1,2024-05-01T10:00:00Z,12,a\np2,2024-05-01T11:00:00Z,7,b\np1,2024-05-02T10:00:00Z,30,c\n");
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), null);
        readFile(vm, file);
        assertEquals(List.of("payment_id", "event_time", "amount", "note"),
                vm.source().columns().stream().map(c -> c.column()).toList());
        assertEquals(FeatureType.INTEGRAL, vm.source().columns().get(2).type());
        assertTrue(vm.source().sampleText().startsWith("Sampled 3 rows"), vm.source().sampleText());
        FilePreviewViewModel preview = vm.source().preview();
        assertEquals("CSV · delimiter ',' · UTF-8 · 4 columns", preview.readingText());
        assertEquals("All 3 rows", preview.rowsText());
        assertEquals(List.of(2L, 3L, 4L), preview.rows().stream().map(FilePreview.Row::line).toList());
        assertEquals(List.of("p2", "2024-05-01T11:00:00Z", "7", "b"), preview.rows().get(1).values());
        assertEquals(List.of(FeatureType.STRING, FeatureType.STRING, FeatureType.INTEGRAL, FeatureType.STRING),
                preview.columns().stream().map(FilePreview.Column::type).toList());
        assertTrue(preview.problems().isEmpty());
        vm.next();
        DefinitionStepViewModel d = vm.definition();
        // payment_id repeats (two versions of p1), so inference took the unique event_time as the id and
        // proposed stamping; the user corrects both, as they would in the form.
        assertEquals("event_time", d.recordIdProperty().get());
        assertTrue(d.stampProperty().get());
        d.recordIdProperty().set("payment_id");
        d.stampProperty().set(false);
        d.eventTimeProperty().set("event_time");

        d.nameProperty().set("bad name!");
        assertFalse(vm.canNextProperty().get(), "an invalid group name blocks the step");
        assertFalse(d.problemFor(FormField.NAME).get().isEmpty());
        d.nameProperty().set("payments");
        d.rows().get(2).feature().typeProperty().set(FeatureType.FRACTIONAL);
        d.rows().get(3).includeProperty().set(false);
        d.rows().get(2).feature().nameProperty().set("amount_eur");
        assertEquals(java.util.Map.of("amount", "amount_eur"), d.renames());
        vm.next();
        assertEquals(WizardStep.STORES, vm.stepProperty().get());
        vm.next();

        assertEquals(WizardStep.SUMMARY, vm.stepProperty().get(), vm.run().failureProperty().get());
        assertEquals(3, vm.run().summaryProperty().get().rowsRead());
        assertEquals(List.of("payments"), created);
        FeatureGroup group = store.describeFeatureGroup("payments");
        assertEquals(FeatureType.FRACTIONAL, group.definition().feature("amount_eur").orElseThrow().type());
        assertTrue(group.definition().feature("note").isEmpty());
        RecordStats stats = store.records().stats("payments");
        assertEquals(2, stats.onlineRecords());
        assertEquals(3, stats.offline().rows());
        assertEquals(30.0, store.records().getRecord("payments", "p1", null).orElseThrow().value("amount_eur"));
        assertEquals("3", vm.run().tilesProperty().get().get(0).value().replace(",", ""));
        assertEquals(2, jobsChanged, "started and finished");
    }

    @Test
    void aNameAGroupAlreadyHasIsRefusedOnTheMappingStepNotWhenTheIngestStarts() throws Exception {
        store.createFeatureGroup(Definitions.customers("orders"));
        Path file = csv("claims.csv", "policy_id,event_time,amount\np1,2024-05-01T10:00:00Z,12\n");
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), null);
        readFile(vm, file);
        vm.next();
        assertTrue(vm.canNextProperty().get(), "the name inferred from the file is free");
        vm.definition().nameProperty().set("Orders");
        assertFalse(vm.canNextProperty().get(), "names are unique whatever their case");
        assertEquals("a feature group named 'Orders' already exists in this workspace; choose another name (to add this"
                + " file to that group, open the group and use its Ingest file… button)",
                vm.definition().problemFor(FormField.NAME).get());
        vm.definition().nameProperty().set("claims-2024");
        assertTrue(vm.canNextProperty().get());
    }

    @Test
    void aFileWithoutEventTimeIsStampedWithTheIngestTime() throws Exception {
        Path file = csv("people.csv", "person_id,age\nx1,30\nx2,41\n");
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), null);
        readFile(vm, file);
        vm.next();
        assertTrue(vm.definition().stampProperty().get(), "no event-time column: stamping is proposed");
        assertEquals("EventTime", vm.definition().eventTimeProperty().get());
        vm.definition().stampProperty().set(false);
        assertFalse(vm.canNextProperty().get(), "without stamping, an event time must be chosen");
        assertFalse(vm.definition().problemFor(FormField.EVENT_TIME).get().isEmpty());
        vm.definition().stampProperty().set(true);
        vm.next();
        vm.next();
        assertEquals(WizardStep.SUMMARY, vm.stepProperty().get(), vm.run().failureProperty().get());
        assertEquals(2, store.records().stats("people").onlineRecords());
        assertEquals(FeatureType.FRACTIONAL, store.describeFeatureGroup("people").definition().eventTimeFeature().type());
    }

    @Test
    void anExistingGroupShowsUnmappedColumnsAndAbsentFeatures() throws Exception {
        FeatureGroup customers = store.createFeatureGroup(Definitions.customers("customers"));
        Path file = csv("c.csv", "Customer_ID,event_time,age,shoe_size\nc1," + NOW + ",33,44\n");
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), customers);
        readFile(vm, file);
        GroupMappingViewModel m = vm.mapping();
        assertEquals(List.of("shoe_size"), m.unmapped());
        assertEquals(List.of("score"), m.absent());
        assertEquals("customer_id", m.columns().get(0).feature(), "matched ignoring case");
        assertNull(m.columns().get(3).feature());
        assertFalse(m.stampAvailableProperty().get());
        vm.next();
        vm.next();
        vm.next();
        assertEquals(WizardStep.SUMMARY, vm.stepProperty().get());
        var summary = vm.run().summaryProperty().get();
        assertTrue(summary.notes().stream().anyMatch(n -> n.contains("shoe_size")), summary.notes().toString());
        assertEquals(1, store.records().stats("customers").onlineRecords());
        assertTrue(created.isEmpty(), "no group was created");
    }

    @Test
    void ignoredColumnsCanBeAddedAsFeaturesSoTheIngestKeepsThem() throws Exception {
        FeatureGroup customers = store.createFeatureGroup(Definitions.customers("customers"));
        Path file = csv("c.csv", "customer_id,event_time,age,shoe_size,email,first name\nc1," + NOW
                + ",33,44,ann@example.com,Ann\n");
        LaneRecordingExecutor lanes = new LaneRecordingExecutor();
        IngestWizardViewModel vm = wizard(lanes, customers);
        readFile(vm, file);
        GroupMappingViewModel m = vm.mapping();
        assertEquals(List.of("shoe_size", "email", "first name"), m.unmapped());
        assertEquals(List.of("shoe_size", "email"), m.addable(), "'first name' needs another name first");
        assertEquals("Column 'first name' is not a valid feature name; rename it to first_name in the file to keep it.",
                m.renameAdviceProperty().get());

        lanes.takeLanes();
        m.addNewColumns();
        assertEquals(List.of(LaneRecordingExecutor.Lane.MAY_WAIT), lanes.takeLanes(),
                "adding features copies the online table: never on the short tasks' threads");
        assertEquals(List.of("first name"), m.unmapped(), "the other columns now fill the new features");
        assertEquals(List.of(), m.addable(), "nothing left to add: the button goes");
        assertEquals("Added shoe_size (Integral), email (String) to customers; this ingest keeps their columns.",
                m.addResultProperty().get());
        assertEquals(List.of(6), updated.stream().map(g -> g.features().size()).toList(), "the sidebar is told");
        vm.next();
        vm.next();
        vm.next();
        assertEquals(WizardStep.SUMMARY, vm.stepProperty().get());
        assertEquals(44L, store.records().getRecord("customers", "c1", null).orElseThrow().value("shoe_size"));
        assertEquals("ann@example.com", store.records().getRecord("customers", "c1", null).orElseThrow().value("email"));
    }

    @Test
    void addingColumnsWhileAnIngestRunsIntoTheGroupSaysWhyAndChangesNothing() throws Exception {
        FeatureGroup customers = store.createFeatureGroup(Definitions.customers("customers"));
        Path file = csv("c.csv", "customer_id,event_time,age,shoe_size\nc1," + NOW + ",33,44\n");
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), customers);
        readFile(vm, file);
        try (org.featureworkbench.core.HeldIngest ingest = org.featureworkbench.core.HeldIngest.start(store, "customers",
                csv("held.csv", "customer_id,event_time,age,score\nc9," + NOW + ",1,0.5\n"))) {
            vm.mapping().addNewColumns();
            assertTrue(vm.mapping().addResultProperty().get().startsWith("Could not add the columns as features: "
                    + "cannot add features to feature group 'customers': ingest "), vm.mapping().addResultProperty().get());
            assertFalse(vm.mapping().addingProperty().get());
            assertEquals(List.of("shoe_size"), vm.mapping().unmapped());
            ingest.finish();
        }
        assertEquals(4, store.describeFeatureGroup("customers").features().size());
    }

    @Test
    void anExistingGroupsMissingEventTimeColumnIsStampedNotCalledNull() throws Exception {
        FeatureGroup customers = store.createFeatureGroup(Definitions.customers("customers"));
        Path file = csv("c.csv", "customer_id,age\nc1,33\n");
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), customers);
        readFile(vm, file);
        GroupMappingViewModel m = vm.mapping();
        assertTrue(m.stampAvailableProperty().get() && m.stampProperty().get());
        assertEquals(List.of("score"), m.absent(), "event_time is stamped, not stored as null");
        m.stampProperty().set(false);
        assertTrue(m.problemProperty().get().contains("no column for the event time 'event_time'"),
                m.problemProperty().get());
    }

    @Test
    void aFileWithoutTheRecordIdColumnCannotGoOn() throws Exception {
        FeatureGroup customers = store.createFeatureGroup(Definitions.customers("customers"));
        Path file = csv("c.csv", "id,age\nc1,33\n");
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), customers);
        readFile(vm, file);
        vm.next();
        assertTrue(vm.mapping().problemProperty().get().contains("record identifier 'customer_id'"));
        assertFalse(vm.canNextProperty().get());
    }

    @Test
    void onErrorFailShowsTheMessageAndWritesNothing() throws Exception {
        FeatureGroup customers = store.createFeatureGroup(Definitions.customers("customers"));
        Path file = csv("c.csv", "customer_id,event_time,age\nc1," + NOW + ",33\nc2," + NOW + ",old\n");
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), customers);
        readFile(vm, file);
        vm.next();
        vm.next();
        vm.targets().onErrorProperty().set(IngestRequest.OnError.FAIL);
        vm.next();
        assertEquals(WizardStep.SUMMARY, vm.stepProperty().get());
        assertNull(vm.run().summaryProperty().get());
        String failure = vm.run().failureProperty().get();
        assertTrue(failure.contains("c.csv") && failure.contains("3"), failure);
        assertEquals(IngestJob.State.FAILED, vm.run().jobProperty().get().state());
        assertEquals(0, store.records().stats("customers").onlineRecords());
        assertEquals(0, store.records().stats("customers").offline().rows());
        assertTrue(dialogs.errors.isEmpty(), "a bad file is the user's to fix: shown inline, not as an error dialog");
    }

    @Test
    void aFileWhoseIngestWasInterruptedIsRefusedWithTheWayToResumeIt() throws Exception {
        FeatureGroup customers = store.createFeatureGroup(Definitions.customers("customers"));
        Path file = csv("c.csv", "customer_id,event_time,age\nc1," + NOW + ",33\nc2," + NOW + ",34\n");
        JobsViewModelTest.writeInterruptedRecord(workspace, customers.offlineFolderName(), file);
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), customers);
        readFile(vm, file);
        assertTrue(vm.source().interruptedProperty().get().contains("Resume it on the Jobs page"),
                vm.source().interruptedProperty().get());
        vm.next();
        vm.next();
        vm.next();
        assertEquals(WizardStep.SUMMARY, vm.stepProperty().get());
        assertNull(vm.run().summaryProperty().get());
        String failure = vm.run().failureProperty().get();
        assertTrue(failure.startsWith("Nothing was ingested") && failure.contains("20261203T221500Z-AbC123")
                && failure.contains("Resume on the Jobs page") && failure.contains("twice"), failure);
        assertFalse(failure.contains("Exception"), failure);
        assertEquals(IngestJob.State.FAILED, vm.run().jobProperty().get().state());
        assertEquals(0, store.records().stats("customers").onlineRecords());
        assertEquals(0, store.records().stats("customers").offline().rows());
        assertTrue(dialogs.errors.isEmpty(), "shown inline on the page, not as an error dialog");
    }

    @Test
    void rejectedRowsAreCountedAndTheirFileCanBeOpenedOrSaved() throws Exception {
        FeatureGroup customers = store.createFeatureGroup(Definitions.customers("customers"));
        Path file = csv("c.csv", "customer_id,event_time,age\nc1," + NOW + ",33\nc2," + NOW + ",old\n");
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), customers);
        readFile(vm, file);
        vm.next();
        vm.next();
        vm.next();
        var summary = vm.run().summaryProperty().get();
        assertEquals(1, summary.rejected());
        assertEquals("1", vm.run().tilesProperty().get().get(3).value());
        assertNotNull(summary.rejectsFile());
        vm.run().openRejects();
        assertEquals(List.of(summary.rejectsFile()), dialogs.opened);
        Path saved = files.resolve("out/rejects-copy.csv");
        dialogs.fileAnswers.push(java.util.Optional.of(saved));
        vm.run().saveRejectsAs();
        assertTrue(Files.readString(saved).contains("old"));
        assertTrue(vm.run().noticeProperty().get().contains("rejects-copy.csv"));
    }

    @Test
    void aJobCancelledFromTheWizardEndsCancelled() throws Exception {
        FeatureGroup customers = store.createFeatureGroup(Definitions.customers("customers"));
        Path file = csv("c.csv", "customer_id,event_time,age\nc1," + NOW + ",33\n");
        DeferredJobsExecutor executor = new DeferredJobsExecutor();
        IngestWizardViewModel vm = wizard(executor, customers);
        readFile(vm, file);
        vm.next();
        vm.next();
        vm.next();
        assertEquals(WizardStep.RUN, vm.stepProperty().get());
        IngestJob job = vm.run().jobProperty().get();
        assertEquals(IngestJob.State.QUEUED, job.state());
        vm.run().cancel();
        assertEquals("Cancelling…", vm.run().stateTextProperty().get());
        assertEquals(1, executor.runJobs());
        assertEquals(IngestJob.State.CANCELLED, job.state());
        assertTrue(vm.run().summaryProperty().get().cancelled());
        assertEquals(WizardStep.SUMMARY, vm.stepProperty().get());
        assertEquals(0, store.records().stats("customers").onlineRecords());
    }

    @Test
    void raggedRowsArePreviewedAsProblemsNextToTheReadableRows() throws Exception {
        Path file = Files.write(files.resolve("shop.csv"), "\uFEFFitem_id;price;label\n1;2.5;\"a;b\"\n2;3;x;y\n3;;\"\"\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), null);
        readFile(vm, file);
        FilePreviewViewModel preview = vm.source().preview();
        assertEquals("CSV · delimiter ';' · UTF-8 (BOM removed) · 3 columns", preview.readingText());
        assertEquals("All 3 rows · 1 row cannot be read", preview.rowsText());
        assertEquals(List.of(2L, 4L), preview.rows().stream().map(FilePreview.Row::line).toList());
        assertEquals("a;b", preview.rows().get(0).value(2));
        assertEquals("", FilePreviewViewModel.cellText(preview.rows().get(1), 1), "a missing cell is blank");
        assertEquals("\"\"", FilePreviewViewModel.cellText(preview.rows().get(1), 2), "a quoted empty cell shows its quotes");
        assertEquals(FeatureType.FRACTIONAL, preview.columns().get(1).type());
        assertEquals(1, preview.problems().size());
        assertEquals(3, preview.problems().get(0).line());
        assertTrue(preview.problems().get(0).reason().contains("values would shift"), preview.problems().get(0).reason());
        assertTrue(vm.canNextProperty().get(), "the readable rows are enough to infer a group");
    }

    @Test
    void aFileWithOnlyUnreadableRowsIsPreviewedButCannotGoOn() throws Exception {
        Path file = csv("cars.csv", "Id,Model,Year\n1,2019 Tesla,\"50,412 mi.\",Used\n2,Ford,2021,Used\n");
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), null);
        readFile(vm, file);
        assertEquals(2, vm.source().preview().problems().size());
        assertTrue(vm.source().preview().rows().isEmpty());
        String problem = vm.source().inferenceProblemProperty().get();
        assertTrue(problem.contains("none of the first 2 rows can be read"), problem);
        assertFalse(vm.canNextProperty().get(), "nothing to map: the wizard stays on the preview");
        assertTrue(vm.source().columns().isEmpty());
        vm.back();
        vm.source().delimiterProperty().set(";");
        assertNull(vm.source().preview().previewProperty().get(), "new options make the old preview stale");
        assertEquals("", vm.source().inferenceProblemProperty().get());
    }

    @Test
    void anUnreadableFileStaysOnTheFileStepWithTheMessage() throws Exception {
        Path file = csv("empty.csv", "");
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), null);
        dialogs.fileAnswers.push(java.util.Optional.of(file));
        vm.source().chooseFile();
        vm.next();
        assertEquals(WizardStep.FILE, vm.stepProperty().get());
        assertTrue(vm.source().errorProperty().get().contains("empty.csv"), vm.source().errorProperty().get());
        vm.source().delimiterProperty().set("xx");
        vm.next();
        assertFalse(vm.source().errorProperty().get().isEmpty(), "a bad delimiter is reported inline");
    }

    @Test
    void aTypedOrPastedPathChoosesItsFileAndAChosenFileShowsItsPath() throws Exception {
        Path file = csv("typed.csv", "t_id,event_time\nt1,2024-05-01T10:00:00Z\n");
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), null);
        vm.source().pathTextProperty().set("  '" + file + "'  ");
        assertEquals(file, vm.source().fileProperty().get(), "quotes and spaces of a pasted path are dropped");
        vm.next();
        assertEquals(WizardStep.PREVIEW, vm.stepProperty().get(), vm.source().errorProperty().get());

        IngestWizardViewModel other = wizard(new CurrentThreadTaskExecutor(), null);
        other.source().pathTextProperty().set(file.toString());
        other.source().pathTextProperty().set(" ");
        assertNull(other.source().fileProperty().get(), "a blank path chooses no file");
        other.source().pathTextProperty().set("bad\0name.csv");
        assertNull(other.source().fileProperty().get());
        assertTrue(other.source().errorProperty().get().contains("is not a file path"), other.source().errorProperty().get());
        other.source().pathTextProperty().set("");
        assertEquals("", other.source().errorProperty().get(), "clearing the field clears the message");
        other.source().pathTextProperty().set("bad\0name.csv");
        dialogs.fileAnswers.push(java.util.Optional.of(file));
        other.source().chooseFile();
        assertEquals(file.toAbsolutePath().toString(), other.source().pathTextProperty().get());
        assertEquals("", other.source().errorProperty().get(), "choosing a file clears the old message");
    }

    @Test
    void aTypedPathThatIsNoFileStaysOnTheFileStepSayingSo() throws Exception {
        IngestWizardViewModel vm = wizard(new CurrentThreadTaskExecutor(), null);
        vm.source().pathTextProperty().set(files.resolve("nowhere.csv").toString());
        vm.next();
        assertEquals(WizardStep.FILE, vm.stepProperty().get());
        assertTrue(vm.source().errorProperty().get().contains("nowhere.csv"), vm.source().errorProperty().get());
    }

    @Test
    void aReadingOfAFileReplacedMeanwhileIsDropped() throws Exception {
        Path first = csv("first.csv", "f_id,event_time\nf1,2024-05-01T10:00:00Z\n");
        Path second = csv("second.csv", "s_id,event_time\ns1,2024-05-01T10:00:00Z\n");
        java.util.List<Runnable> held = new java.util.ArrayList<>();
        TaskExecutor holding = new TaskExecutor() {
            private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();

            @Override
            public <T> void execute(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> ok,
                                    java.util.function.Consumer<? super Throwable> failed) {
                held.add(() -> now.execute(work, ok, failed));
            }

            @Override
            public javafx.beans.property.ReadOnlyIntegerProperty runningTasksProperty() {
                return now.runningTasksProperty();
            }
        };
        IngestWizardViewModel vm = wizard(holding, null);
        vm.source().pathTextProperty().set(first.toString());
        vm.next();
        vm.source().pathTextProperty().set(second.toString());
        held.forEach(Runnable::run);
        assertEquals(WizardStep.FILE, vm.stepProperty().get(), "the reading of first.csv does not open the preview of second.csv");
        assertNull(vm.source().inferredProperty().get());
        assertTrue(vm.source().columns().isEmpty());
    }
}
