package org.featureworkbench.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.dataset.DatasetBase;
import org.featureworkbench.dataset.DatasetSpec;
import org.featureworkbench.dataset.DatasetSplit;
import org.featureworkbench.dataset.JoinedGroup;
import org.featureworkbench.query.ExportFormat;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Datasets form read into a {@link DatasetSpec}: what each field becomes, and the messages of wrong ones. */
class DatasetsFormTest {
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
        store.close();
    }

    private JoinedGroupViewModel transactionsJoinedWithCustomers() {
        vm.base().groupProperty().set("transactions");
        JoinedGroupViewModel join = vm.addJoin();
        join.groupProperty().set("customers");
        return join;
    }

    @Test
    void aGroupBaseWithOneJoinedGroupReadsAsThePlainestSpec() {
        JoinedGroupViewModel join = transactionsJoinedWithCustomers();
        assertEquals(List.of("customer_id", "event_time", "age", "city"), join.features().stream().map(FeatureChoice::name).toList());
        assertEquals(List.of(false, true, true, true), join.features().stream().map(FeatureChoice::chosen).toList(),
                "every feature but the record id is ticked");
        assertEquals("customer_id", join.baseColumnProperty().get(),
                "the base column named like the group's record id is proposed, not the base's transaction_id");

        DatasetRequest request = vm.read().orElseThrow(() -> new AssertionError(vm.errorProperty().get()));
        DatasetSpec expected = DatasetSpec.of(DatasetBase.group("transactions"),
                List.of(new JoinedGroup("customers", List.of(), "customer_id", null)));
        assertEquals(expected, request.spec());
        assertEquals(store.exportsDirectory().resolve("transactions-dataset.csv").toAbsolutePath(), request.output());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void everyOptionReachesTheSpec() {
        JoinedGroupViewModel join = transactionsJoinedWithCustomers();
        join.features().get(3).chosenProperty().set(false);
        join.lookbackProperty().set("7d");
        DatasetOptionsViewModel o = vm.options();
        o.pointInTimeProperty().set(false);
        o.asOfProperty().set("2026-11-05T12:00");
        o.eventFromProperty().set("2026-11-02");
        o.eventToProperty().set("2026-11-06");
        o.includeDeletedProperty().set(true);
        o.includeDuplicatesProperty().set(true);
        o.recentProperty().set("2");
        o.limitProperty().set("1,000");
        o.splitProperty().set(SplitChoice.RANDOM);
        o.splitPartsProperty().set("train=0.75, test=0.25");
        o.seedProperty().set("7");
        o.formatProperty().set(ExportFormat.PARQUET);

        DatasetSpec spec = vm.read().orElseThrow(() -> new AssertionError(vm.errorProperty().get())).spec();
        assertEquals(List.of(new JoinedGroup("customers", List.of("event_time", "age"), "customer_id", Duration.ofDays(7))),
                spec.joins(), "a changed checklist is spelled out");
        assertFalse(spec.pointInTime());
        assertEquals(Instant.parse("2026-11-05T12:00:00Z"), spec.asOf());
        assertEquals(Instant.parse("2026-11-02T00:00:00Z"), spec.eventFrom());
        assertEquals(Instant.parse("2026-11-06T23:59:59.999999Z"), spec.eventTo(), "a date alone ends the range at the day's end");
        assertTrue(spec.includeDeleted());
        assertTrue(spec.includeDuplicates());
        assertEquals(2, spec.recent());
        assertEquals(1000, spec.limit());
        assertEquals(new DatasetSplit(DatasetSplit.Mode.RANDOM, 7, List.of(new DatasetSplit.Part("train", 0.75),
                new DatasetSplit.Part("test", 0.25))), spec.split());
        assertEquals(ExportFormat.PARQUET, spec.format());
        assertTrue(o.outputProperty().get().endsWith("transactions-dataset.parquet"), o.outputProperty().get());
    }

    @Test
    void withoutAJoinedGroupTheFormSaysSoBesideTheJoins() {
        vm.base().groupProperty().set("transactions");
        assertEquals(Optional.empty(), vm.read());
        assertTrue(vm.joinsErrorProperty().get().startsWith("add at least one joined group"), vm.joinsErrorProperty().get());
        assertTrue(vm.errorProperty().get().startsWith("Check the field marked in red: add at least one joined group"),
                vm.errorProperty().get());
        vm.addJoin();
        assertEquals("", vm.joinsErrorProperty().get(), "adding a group clears the message");
    }

    @Test
    void badTimeSplitAndLookbackAreEachMarkedAndKeptAsTyped() {
        JoinedGroupViewModel join = transactionsJoinedWithCustomers();
        join.lookbackProperty().set("7 days");
        vm.options().asOfProperty().set("yesterday");
        vm.options().splitProperty().set(SplitChoice.BY_TIME);
        vm.options().splitPartsProperty().set("train=0.8,test=0.3");

        assertEquals(Optional.empty(), vm.read());
        assertTrue(join.lookbackErrorProperty().get().startsWith("'7 days' is not a window; write a positive number and a unit"),
                join.lookbackErrorProperty().get());
        assertTrue(vm.options().asOfErrorProperty().get().startsWith("'yesterday' is not a date or time"),
                vm.options().asOfErrorProperty().get());
        assertTrue(vm.options().splitErrorProperty().get().startsWith("the fractions add up to 1.1"),
                vm.options().splitErrorProperty().get());
        assertTrue(vm.errorProperty().get().startsWith("Check the 3 fields marked in red"), vm.errorProperty().get());
        assertEquals("7 days", join.lookbackProperty().get(), "nothing typed is lost");
        assertEquals("yesterday", vm.options().asOfProperty().get());

        join.lookbackProperty().set("7d");
        vm.options().asOfProperty().set("");
        vm.options().splitPartsProperty().set("train=0.8,test=0.2");
        assertTrue(vm.read().isPresent(), vm.errorProperty().get());
        assertEquals("", join.lookbackErrorProperty().get(), "fixed fields lose their message");
        assertEquals("", vm.options().asOfErrorProperty().get());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        transactionsJoinedWithCustomers();
        vm.options().eventFromProperty().set("2026-11-06");
        vm.options().eventToProperty().set("2026-11-02");
        assertEquals(Optional.empty(), vm.read());
        assertTrue(vm.options().eventToErrorProperty().get().startsWith("the range ends before it starts"),
                vm.options().eventToErrorProperty().get());
    }

    @Test
    void aJoinOnAColumnTheBaseLacksNamesTheBasesColumns() {
        vm.base().useFile(labels);
        vm.base().previewed(List.of("customer_id", "event_time", "label"));
        assertEquals("customer_id", vm.base().idColumnProperty().get(), "the id column is guessed from its name");
        assertEquals("event_time", vm.base().timeColumnProperty().get());
        JoinedGroupViewModel join = vm.addJoin();
        join.groupProperty().set("customers");
        assertNull(join.baseColumnProperty().get(), "the base's id column is customer_id already");
        join.baseColumnProperty().set("cust_id");

        assertEquals(Optional.empty(), vm.read());
        assertEquals("the base has no column 'cust_id'; its columns are customer_id, event_time, label",
                join.baseColumnErrorProperty().get());
    }

    @Test
    void aFileBaseReadsWithItsColumnsOnceTheyAreChosen() {
        vm.base().useFile(labels);
        vm.addJoin().groupProperty().set("customers");
        assertEquals(Optional.empty(), vm.read());
        assertEquals("preview the base first, then choose the column that holds record ids",
                vm.base().idErrorProperty().get());

        vm.base().previewed(List.of("customer_id", "event_time", "label"));
        DatasetSpec spec = vm.read().orElseThrow(() -> new AssertionError(vm.errorProperty().get())).spec();
        assertEquals(DatasetBase.file(labels, "customer_id", "event_time"), spec.base());
        assertTrue(vm.options().outputProperty().get().endsWith("labels-dataset.csv"), vm.options().outputProperty().get());
    }

    @Test
    void aMissingFileAndAnEmptyQueryAreNamed() {
        vm.addJoin().groupProperty().set("customers");
        vm.base().useFile(dir.resolve("nope.csv"));
        vm.read();
        assertEquals("there is no file " + dir.resolve("nope.csv"), vm.base().sourceErrorProperty().get());
        assertEquals("", vm.base().idErrorProperty().get(), "one message for a base that cannot be read");

        vm.base().kindProperty().set(DatasetBase.Kind.QUERY);
        vm.read();
        assertTrue(vm.base().sourceErrorProperty().get().startsWith("type a query"), vm.base().sourceErrorProperty().get());
        assertEquals(dir.resolve("nope.csv").toString(), vm.base().fileProperty().get(), "the file stays for a switch back");
    }

    @Test
    void aPathBeingTypedNeverBreaksTheProposedOutput() {
        vm.base().kindProperty().set(DatasetBase.Kind.FILE);
        for (String typed : new String[] {"/", "/tmp/", "/tmp/ev", "/tmp/events.csv"}) {
            vm.base().fileProperty().set(typed);
        }
        assertTrue(vm.options().outputProperty().get().endsWith("events-dataset.csv"), vm.options().outputProperty().get());
    }

    @Test
    void anOutputTheUserChoseStaysWhenTheBaseChanges() {
        transactionsJoinedWithCustomers();
        Path chosen = dir.resolve("mine.parquet");
        dialogs.fileAnswers.push(Optional.of(chosen));
        vm.options().chooseOutput();
        assertEquals(ExportFormat.PARQUET, vm.options().formatProperty().get(), "the extension picks the format");
        vm.base().groupProperty().set("customers");
        assertEquals(chosen.toString(), vm.options().outputProperty().get());

        vm.options().outputProperty().set(dir.resolve("mine.csv").toString());
        vm.read();
        assertTrue(vm.options().outputErrorProperty().get().startsWith("the format is PARQUET, so the file name should end in .parquet"),
                vm.options().outputErrorProperty().get());
    }
}
