package org.featureworkbench.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.dataset.DatasetBase;
import org.featureworkbench.dataset.DatasetPart;
import org.featureworkbench.query.ExportFormat;
import org.featureworkbench.model.Record;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Datasets page's commands on a real workspace ({@link DatasetsData}), every store call on the test thread. */
class DatasetsViewModelTest {
    @TempDir
    Path dir;
    FeatureStore store;
    Path labels;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    DatasetsViewModel vm;

    @BeforeEach
    void open() {
        store = Workspace.open(dir.resolve("ws"));
        labels = DatasetsData.fill(store, dir);
        vm = new DatasetsViewModel(store, new CurrentThreadTaskExecutor(), dialogs);
        vm.refresh();
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
    }

    private void transactionsJoinedWithCustomers() {
        vm.base().groupProperty().set("transactions");
        vm.addJoin().groupProperty().set("customers");
    }

    private List<String> column(String name) {
        var pager = vm.previews().rowsPager();
        int index = pager.columns().stream().map(ResultColumn::name).toList().indexOf(name);
        assertTrue(index >= 0, () -> name + " not among " + pager.columns());
        return pager.rows().stream().map(r -> r[index] == null ? null : String.valueOf(r[index])).toList();
    }

    @Test
    void previewingAFileBaseFillsTheColumnPickers() {
        vm.base().useFile(labels);
        vm.previewBase();
        assertEquals("", vm.errorProperty().get());
        assertEquals(List.of("customer_id", "event_time", "label"), vm.base().columns());
        assertEquals("customer_id", vm.base().idColumnProperty().get());
        assertEquals("event_time", vm.base().timeColumnProperty().get());
        assertEquals(2, vm.previews().basePager().rowCountProperty().get());
        assertTrue(vm.previews().baseStatusProperty().get().startsWith("First 2 rows of file labels.csv"),
                vm.previews().baseStatusProperty().get());
    }

    @Test
    void thePreviewHasEachGroupsStateAtTheRowsEventTime() {
        transactionsJoinedWithCustomers();
        vm.preview();
        assertEquals("", vm.errorProperty().get());
        assertEquals(4, vm.previews().rowsPager().rowCountProperty().get());
        // Base rows in event-time order: t3 (Nov 1, before c2 existed), t1 (Nov 3), t4 (no such customer), t2 (Nov 6).
        assertEquals(List.of("t3", "t1", "t4", "t2"), column("transaction_id"));
        assertEquals(Arrays.asList(null, "30", null, "31"), column("age"));
        assertEquals(Arrays.asList(null, "Berlin", null, "Oslo"), column("city"));
        assertTrue(vm.previews().rowsStatusProperty().get().startsWith("All 4 rows of the dataset"),
                vm.previews().rowsStatusProperty().get());
        assertTrue(vm.previews().sqlProperty().get().toUpperCase().contains("SELECT"), vm.previews().sqlProperty().get());
    }

    @Test
    void showSqlPlansWithoutReadingRows() {
        transactionsJoinedWithCustomers();
        // A fixed as-of time: "now" would differ between two plans.
        vm.options().asOfProperty().set("2026-12-01");
        vm.showSql();
        assertEquals(store.datasets().plan(vm.read().orElseThrow().spec()).sql(), vm.previews().sqlProperty().get());
        assertTrue(vm.previews().sqlProperty().get().contains("2026-12-01"), vm.previews().sqlProperty().get());
        assertEquals(0, vm.previews().rowsPager().rowCountProperty().get());
    }

    @Test
    void aBuildWritesEachPartAndJoinsTheList() throws Exception {
        transactionsJoinedWithCustomers();
        vm.options().splitProperty().set(SplitChoice.BY_TIME);
        vm.options().splitPartsProperty().set("train=0.5,test=0.5");
        vm.build();
        assertEquals("", vm.errorProperty().get());
        assertEquals(List.of("train", "test"), vm.parts().stream().map(DatasetPart::name).toList());
        assertEquals(List.of(2L, 2L), vm.parts().stream().map(DatasetPart::rows).toList());
        for (DatasetPart p : vm.parts()) {
            assertTrue(Files.isRegularFile(p.file()), p.file().toString());
        }
        assertTrue(vm.noticeProperty().get().startsWith("Built 4 rows in "), vm.noticeProperty().get());
        assertFalse(vm.noticeProperty().get().contains("Note:"), vm.noticeProperty().get());
        assertFalse(vm.job().runningProperty().get());
        assertEquals(1, vm.built().rows().size());
        BuiltDatasetRow row = vm.built().rows().get(0);
        assertEquals("group transactions", row.base());
        assertEquals("customers", row.groups());
        assertEquals("4 rows", row.rows());

        vm.openFolder();
        Path folder = vm.resultProperty().get().manifest().getParent();
        assertEquals(List.of(folder), dialogs.opened);
        assertEquals("The dataset's folder: " + folder, vm.noticeProperty().get());
    }

    @Test
    void aRebuildFromTheListSaysTheFilesAreIdenticalDespiteLaterWrites() {
        transactionsJoinedWithCustomers();
        vm.build();
        // Written after the build: the rebuild reads the store as of the build, so it must not see this.
        store.records().putRecord("customers", Record.builder().put("customer_id", "c3").put("event_time",
                "2026-11-01T00:00:00Z").put("age", "50").put("city", "Rome").build(), Set.of(), null);
        vm.built().rebuild(vm.built().rows().get(0));
        assertEquals("", vm.errorProperty().get());
        String verdict = vm.built().rows().get(0).verdict();
        assertTrue(verdict.startsWith("✓ identical"), verdict);
        assertTrue(vm.noticeProperty().get().contains("identical"), vm.noticeProperty().get());
    }

    @Test
    void buildingOverAnEarlierDatasetAsksFirst() throws Exception {
        transactionsJoinedWithCustomers();
        vm.build();
        Path file = vm.parts().get(0).file();
        long written = Files.getLastModifiedTime(file).toMillis();
        vm.options().limitProperty().set("1");
        dialogs.confirmAnswers.push(Optional.empty());
        vm.build();
        assertEquals(4, vm.resultProperty().get().rows(), "declined: the earlier dataset stays");
        assertEquals(written, Files.getLastModifiedTime(file).toMillis());

        dialogs.confirmAnswers.push(Optional.of(true));
        vm.build();
        assertEquals(1, vm.resultProperty().get().rows());
    }

    /**
     * Manifests were named NAME.manifest.json before NAME.EXT.manifest.json: a split dataset built
     * then left only that beside its parts, and rebuilding must neither skip the question nor leave
     * the older manifest (with the replaced files' digests) beside the new one.
     */
    @Test
    void aManifestUnderItsOlderNameCountsAsAnEarlierDatasetAndIsRemovedWhenReplaced() throws Exception {
        transactionsJoinedWithCustomers();
        vm.options().outputProperty().set(dir.resolve("out/d1.csv").toString());
        vm.options().splitProperty().set(SplitChoice.BY_TIME);
        vm.options().splitPartsProperty().set("train=0.5,test=0.5");
        vm.build();
        Path manifest = vm.resultProperty().get().manifest();
        Path older = Files.move(manifest, manifest.resolveSibling("d1.manifest.json"));

        dialogs.confirmAnswers.push(Optional.empty());
        vm.build();
        assertTrue(dialogs.confirmAnswers.isEmpty(), "asked before replacing the dataset d1.manifest.json describes");
        assertTrue(Files.exists(older), "declined: nothing changes");
        assertFalse(Files.exists(manifest));

        dialogs.confirmAnswers.push(Optional.of(true));
        vm.build();
        assertTrue(Files.exists(manifest));
        assertFalse(Files.exists(older), "the older manifest described the files just replaced");
    }

    /** An older NAME.manifest.json that describes NAME.parquet is no trace of a dataset at NAME.csv. */
    @Test
    void anOlderManifestOfAnotherFormatIsNeitherAskedAboutNorRemoved() throws Exception {
        transactionsJoinedWithCustomers();
        vm.options().outputProperty().set(dir.resolve("out/d1.csv").toString());
        vm.options().formatProperty().set(ExportFormat.PARQUET);
        vm.build();
        Path older = Files.move(vm.resultProperty().get().manifest(), dir.resolve("out/d1.manifest.json"));

        vm.options().formatProperty().set(ExportFormat.CSV);
        vm.build();
        assertEquals("", vm.errorProperty().get());
        assertTrue(Files.exists(dir.resolve("out/d1.csv.manifest.json")));
        assertTrue(Files.exists(older), "it still describes d1.parquet");
    }

    @Test
    void aBuildWhoseBaseIsOlderThanAJoinedGroupSaysSoUnderItsSummary() {
        vm.base().kindProperty().set(DatasetBase.Kind.QUERY);
        vm.base().queryProperty().set("SELECT 'c1' AS customer_id, '2026-10-01T00:00:00Z' AS event_time");
        vm.previewBase();
        vm.addJoin().groupProperty().set("customers");
        vm.build();
        assertEquals("", vm.errorProperty().get());
        assertTrue(vm.noticeProperty().get().startsWith("Built 1 row in "), vm.noticeProperty().get());
        assertTrue(vm.noticeProperty().get().contains("\nNote: no row has a value from 'customers': its earliest state"
                + " has event time 2026-11-01T00:00:00Z, after the base's latest (2026-10-01T00:00:00Z)"),
                vm.noticeProperty().get());
    }

    @Test
    void aColumnTheBuilderCannotReadIsMarkedBesideItsPicker() {
        vm.base().kindProperty().set(DatasetBase.Kind.QUERY);
        vm.base().queryProperty().set("SELECT 'c1' AS customer_id, 'soon' AS event_time");
        vm.previewBase();
        vm.addJoin().groupProperty().set("customers");
        vm.preview();
        assertFalse(vm.base().timeErrorProperty().get().isEmpty(), "the event-time picker is marked");
        assertTrue(vm.errorProperty().get().contains("soon") || vm.errorProperty().get().contains("event"),
                vm.errorProperty().get());
        assertFalse(vm.errorProperty().get().startsWith("--"), "the banner speaks to the form, not the command line");
        assertEquals(0, vm.previews().rowsPager().rowCountProperty().get());
    }

    @Test
    void theManifestIsShownAsWritten() throws Exception {
        transactionsJoinedWithCustomers();
        vm.build();
        BuiltDatasetRow row = vm.built().rows().get(0);
        vm.built().showManifest(row);
        assertEquals(Files.readString(row.manifest().path()), vm.built().manifestTextProperty().get());
        assertEquals(row.manifest().path().toString(), vm.built().manifestTitleProperty().get());
    }

    @Test
    void theJobShowsTheLatestStepAndCancels() {
        DatasetJobViewModel job = vm.job();
        String[] seen = new String[2];
        boolean[] cancelled = {false};
        job.start("Building x.csv", (progress, cancellation) -> {
            progress.step("Joining customers", 1, 4);
            job.poll();
            seen[0] = job.stepProperty().get();
            seen[1] = Double.toString(job.fractionProperty().get());
            job.cancel();
            throw new IllegalStateException("stopped: " + cancellation.isCancelled());
        }, done -> { }, e -> { }, () -> cancelled[0] = true);
        assertEquals("Joining customers  (step 2 of 4)", seen[0]);
        assertEquals("0.25", seen[1]);
        assertTrue(cancelled[0], "a cancelled job reports a cancel, not an error");
        assertFalse(job.runningProperty().get());
        assertEquals("", job.stepProperty().get());
    }

    @Test
    void theOutputFolderIsOnlyOpenedAfterABuild() {
        vm.openFolder();
        assertTrue(dialogs.opened.isEmpty());
        assertNull(vm.resultProperty().get());
    }
}
