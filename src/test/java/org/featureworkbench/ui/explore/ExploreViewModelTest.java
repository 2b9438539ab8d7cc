package org.featureworkbench.ui.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.Record;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.QueryTemplates;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Explore page's view model on a real workspace, every store call on the test thread. */
class ExploreViewModelTest {
    @TempDir
    Path dir;
    FeatureStore store;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    ExploreViewModel vm;

    @BeforeEach
    void open() {
        store = Workspace.open(dir.resolve("ws"));
        store.createFeatureGroup(Definitions.customers("customers"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            put("c" + i, now.minusSeconds(3600L * (i + 2)), 30 + i);
        }
        put("c0", now.minusSeconds(60), 99);
        vm = new ExploreViewModel(store, new CurrentThreadTaskExecutor(), dialogs);
        vm.refresh();
    }

    private void put(String id, Instant at, int age) {
        store.records().putRecord("customers", Record.builder().put("customer_id", id)
                .put("event_time", EventTimes.format(at, FeatureType.STRING)).put("age", Integer.toString(age)).build(),
                Set.of(), null);
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
    }

    @Test
    void refreshOffersTheGroupViewsAndAStartingQuery() {
        assertEquals(java.util.List.of("customers"), vm.groups());
        assertTrue(vm.relations().stream().anyMatch(r -> r.name().equals("customers_latest") && r.latest()));
        assertTrue(vm.sqlProperty().get().contains("customers_latest"), vm.sqlProperty().get());
    }

    @Test
    void runShowsTheFirstPageTheCountAndTheTime() {
        vm.sqlProperty().set("SELECT range AS n FROM range(1234)");
        vm.run();
        assertEquals("", vm.errorProperty().get());
        assertEquals(1234, vm.pager().rowCountProperty().get());
        assertEquals(ResultPager.PAGE_SIZE, vm.pager().rows().size());
        assertTrue(vm.statusProperty().get().startsWith("1,234 rows · "), vm.statusProperty().get());
        vm.pager().last();
        assertEquals(1000, vm.pager().offsetProperty().get());
        assertEquals(234, vm.pager().rows().size());
        assertEquals(1233L, vm.pager().rows().get(233)[0]);
        assertFalse(vm.pager().hasNextProperty().get());
        vm.pager().previous();
        assertEquals(500L, vm.pager().rows().get(0)[0]);
        assertEquals("Rows 501–1,000 of 1,234", vm.pager().pageTextProperty().get());
    }

    @Test
    void historySurvivesARestart() {
        vm.sqlProperty().set("SELECT 1 AS one");
        vm.run();
        vm.sqlProperty().set("SELECT 2 AS two");
        vm.run();
        assertEquals("SELECT 2 AS two", vm.history().get(0));
        vm.close();
        store.close();
        store = Workspace.open(dir.resolve("ws"));
        vm = new ExploreViewModel(store, new CurrentThreadTaskExecutor(), dialogs);
        vm.refresh();
        assertEquals(java.util.List.of("SELECT 2 AS two", "SELECT 1 AS one"), vm.history().subList(0, 2));
        vm.useHistory(vm.history().get(1));
        assertEquals("SELECT 1 AS one", vm.sqlProperty().get());
    }

    @Test
    void aNewResultClosesThePreviousOne() {
        vm.sqlProperty().set("SELECT 1 AS one");
        vm.run();
        QueryResult first = vm.pager().result();
        vm.sqlProperty().set("SELECT 2 AS two");
        vm.run();
        FeatureStoreException closed = assertThrows(FeatureStoreException.class, () -> first.page(0, 1));
        assertTrue(closed.getMessage().contains("closed"));
        vm.close();
        assertEquals(null, vm.pager().result());
    }

    @Test
    void badSqlIsAnInlineErrorNotADialog() {
        vm.sqlProperty().set("SELECT * FORM customers");
        vm.run();
        assertTrue(vm.errorProperty().get().startsWith("Parser Error: syntax error at or near"), vm.errorProperty().get());
        assertTrue(dialogs.errors.isEmpty());
        assertFalse(vm.runningProperty().get());
        vm.sqlProperty().set("COPY (SELECT 1) TO '/tmp/x.csv'");
        vm.run();
        assertTrue(vm.errorProperty().get().startsWith("Only read-only queries"), vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("Export"), vm.errorProperty().get());
    }

    @Test
    void exportWritesTheWholeResultToTheChosenFile() throws Exception {
        vm.sqlProperty().set("SELECT customer_id, age FROM customers_latest ORDER BY customer_id");
        vm.run();
        Path target = dir.resolve("out.csv");
        dialogs.fileAnswers.push(Optional.of(target));
        vm.export();
        assertEquals(java.util.List.of("customer_id,age", "c0,99", "c1,31", "c2,32"), Files.readAllLines(target));
        assertEquals("Exported 3 rows to " + target, vm.noticeProperty().get());
    }

    @Test
    void anExportNamedForAnotherFormatIsRefusedNotFilledWithCsv() {
        vm.sqlProperty().set("SELECT customer_id FROM customers_latest");
        vm.run();
        Path target = dir.resolve("city_counts.xlsx");
        dialogs.fileAnswers.push(Optional.of(target));
        vm.export();
        assertEquals("File name: city_counts.xlsx: .xlsx files are not written here; results are CSV or Parquet, so name"
                + " the file .csv or .parquet", vm.errorProperty().get());
        assertFalse(Files.exists(target));
    }

    @Test
    void templatesRunAsTheyAreInserted() {
        vm.insertTemplate("customers", QueryTemplates.Template.LATEST);
        assertTrue(vm.sqlProperty().get().contains("event_instant(\"event_time\") DESC"), vm.sqlProperty().get());
        vm.run();
        assertEquals(3, vm.pager().rowCountProperty().get(), vm.errorProperty().get());

        vm.insertTemplate("customers", QueryTemplates.Template.RECORD_HISTORY);
        assertTrue(vm.sqlProperty().get().matches("(?s).*\"customer_id\" = 'c\\d'.*"), vm.sqlProperty().get());
        vm.run();
        assertTrue(vm.pager().rowCountProperty().get() >= 1, vm.errorProperty().get());
    }

    @Test
    void aChartPlotsEveryRowOfASmallResultInXOrder() {
        vm.sqlProperty().set("SELECT TIMESTAMPTZ '2026-01-01 00:00:00+00' + INTERVAL (100 - range) MINUTE AS t, "
                + "range AS v, 'x' || range AS label FROM range(100)");
        vm.run();
        ChartViewModel chart = vm.chart();
        assertEquals("t", chart.xProperty().get().name());
        assertEquals("v", chart.yProperty().get().name());
        assertEquals(ChartViewModel.Kind.TIME_LINE, chart.kindProperty().get());
        assertEquals(100, chart.points().size());
        assertEquals(99.0, chart.points().get(0).y(), "sorted by time: the earliest minute has v = 99");
        chart.xProperty().set(vm.pager().columns().get(2));
        assertEquals(ChartViewModel.Kind.BARS, chart.kindProperty().get());
        assertEquals("x0", chart.points().get(0).x());
    }

    @Test
    void aLargeResultIsReducedInDuckDbBeforeItIsCharted() {
        vm.sqlProperty().set("SELECT TIMESTAMPTZ '2026-01-01 00:00:00+00' + INTERVAL (range) MINUTE AS t, "
                + "range % 60 AS v FROM range(20000)");
        vm.run();
        ChartViewModel chart = vm.chart();
        assertTrue(chart.points().isEmpty(), "20,000 rows are never plotted");
        assertTrue(chart.canReduceProperty().get());
        assertTrue(chart.messageProperty().get().contains("20,000 rows"), chart.messageProperty().get());
        chart.reduce();
        assertTrue(vm.sqlProperty().get().contains("date_trunc('hour', \"t\")"), vm.sqlProperty().get());
        // 20,000 minutes are 334 hours (the last one partial).
        assertEquals(334, vm.pager().rowCountProperty().get(), vm.errorProperty().get());
        assertEquals("v_avg", chart.yProperty().get().name());
        assertEquals(334, chart.points().size());
        assertEquals(29.5, chart.points().get(0).y(), 1e-9);
    }

    @Test
    void sageMakerEventTimesAsTextAreTheDefaultTimeAxisBeforeTheStoresWriteTime() {
        vm.sqlProperty().set("SELECT * FROM customers");
        vm.run();
        ChartViewModel chart = vm.chart();
        assertEquals("event_time", chart.xProperty().get().name(), "not write_time, the first TIMESTAMPTZ column");
        assertEquals(ChartViewModel.Kind.TIME_LINE, chart.kindProperty().get());
        assertEquals(4, chart.points().size(), chart.messageProperty().get());
        java.util.List<Double> ages = chart.points().stream().map(ChartViewModel.Point::y).toList();
        assertEquals(java.util.List.of(32.0, 31.0, 30.0, 99.0), ages, "in event-time order: c2, c1, c0, then c0's update");

        // One value that is not a time: the column is text again, drawn as bars.
        vm.sqlProperty().set("SELECT CASE WHEN range = 5 THEN 'soon' ELSE strftime(TIMESTAMP '2026-01-01' + "
                + "INTERVAL (range) HOUR, '%Y-%m-%dT%H:%M:%SZ') END AS t, range AS v FROM range(10)");
        vm.run();
        assertEquals("t", chart.xProperty().get().name());
        assertEquals(ChartViewModel.Kind.BARS, chart.kindProperty().get());
    }

    @Test
    void aLargeResultOverEventTimesAsTextIsBucketedByTime() {
        vm.sqlProperty().set("SELECT strftime(TIMESTAMP '2026-01-01' + INTERVAL (range) MINUTE, '%Y-%m-%dT%H:%M:%S.000Z') AS t, "
                + "range % 60 AS v FROM range(20000)");
        vm.run();
        ChartViewModel chart = vm.chart();
        assertEquals(ChartViewModel.Kind.TIME_LINE, chart.kindProperty().get());
        assertTrue(chart.canReduceProperty().get());
        assertTrue(chart.messageProperty().get().contains("per time bucket"), chart.messageProperty().get());
        chart.reduce();
        assertTrue(vm.sqlProperty().get().contains("event_instant(\"t\")"), vm.sqlProperty().get());
        assertEquals(334, vm.pager().rowCountProperty().get(), vm.errorProperty().get());
        assertEquals(334, chart.points().size());
        assertEquals(29.5, chart.points().get(0).y(), 1e-9);
    }

    @Test
    void aFractionalEventTimeIsATimeAxisNeverTheDefaultY() {
        store.createFeatureGroup(new org.featureworkbench.model.FeatureGroupDefinition("trips", "trip_id", "ts",
                java.util.List.of(new org.featureworkbench.model.FeatureDefinition("trip_id", FeatureType.STRING),
                        new org.featureworkbench.model.FeatureDefinition("ts", FeatureType.FRACTIONAL),
                        new org.featureworkbench.model.FeatureDefinition("fare", FeatureType.FRACTIONAL)),
                null, java.util.Map.of(), new org.featureworkbench.model.OnlineStoreConfig(true, null),
                org.featureworkbench.model.OfflineStoreConfig.ENABLED));
        vm.sqlProperty().set("SELECT 't' || range AS trip_id, 1764583200.5 + range * 60 AS ts, 10.0 - range AS fare "
                + "FROM range(5)");
        vm.run();
        ChartViewModel chart = vm.chart();
        assertEquals("ts", chart.xProperty().get().name());
        assertEquals("fare", chart.yProperty().get().name(), "the event time is the axis, not the value");
        assertEquals(ChartViewModel.Kind.TIME_LINE, chart.kindProperty().get());
        assertEquals(1764583200500L, chart.points().get(0).x(), "seconds since the epoch, as milliseconds");
        assertEquals(5, chart.points().size());
    }
}
