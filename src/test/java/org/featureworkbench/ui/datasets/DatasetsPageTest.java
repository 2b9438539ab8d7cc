package org.featureworkbench.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.featureworkbench.ui.WorkbenchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Datasets page in the real window on {@link DatasetsData}: the clicks of a person building a training set. */
@ExtendWith(ApplicationExtension.class)
class DatasetsPageTest {
    @TempDir
    Path dir;
    WorkbenchFixture app;
    Path labels;

    @Start
    void start(Stage stage) {
        app = WorkbenchFixture.show(dir.resolve("ws"), stage, store -> labels = DatasetsData.fill(store, dir));
        // The headless screen is 1280×800: the whole window must be on it for clicks to land.
        stage.setHeight(800);
        stage.setY(0);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private static List<String> column(TableView<Object[]> table, int index) {
        return table.getItems().stream().map(r -> r[index] == null ? null : String.valueOf(r[index])).toList();
    }

    @Test
    void aGroupBaseJoinedWithAGroupPreviewsBuildsAndRebuilds(FxRobot robot) throws Exception {
        DatasetsPageRobot page = new DatasetsPageRobot(robot, app);
        page.open();
        page.choose("#baseGroup", "transactions");
        page.click("#addJoin");
        page.choose("#joinGroup-0", "customers");
        assertEquals("customer_id", robot.lookup("#joinColumn-0").queryComboBox().getValue(),
                "joined on the base column named like the group's record id");

        page.click("#previewDataset");
        page.waitUntilIdle();
        TableView<Object[]> rows = robot.lookup("#datasetRowsTable").queryTableView();
        assertEquals(4, rows.getItems().size(), () -> "banner: " + page.text("#datasetsError"));
        // transaction_id, customer_id, event_time, amount, is_fraud, customers.event_time, age, city
        assertEquals(List.of("t3", "t1", "t4", "t2"), column(rows, 0));
        assertEquals(java.util.Arrays.asList(null, "30", null, "31"), column(rows, 6), "each row sees the age of its time");
        assertTrue(page.text("#datasetPreviewTabStatus").startsWith("All 4 rows of the dataset"),
                page.text("#datasetPreviewTabStatus"));

        page.click("#buildDataset");
        page.waitUntilIdle();
        assertEquals("4 rows", page.text("#partRows-all"), () -> "banner: " + page.text("#datasetsError"));
        Path out = app.store.exportsDirectory().resolve("transactions-dataset.csv");
        assertTrue(Files.isRegularFile(out), out.toString());
        assertEquals(5, Files.readAllLines(out).size(), "a header and four rows");
        assertTrue(page.text("#datasetsNotice").startsWith("Built 4 rows"), page.text("#datasetsNotice"));

        robot.clickOn("Built datasets");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<BuiltDatasetRow> built = robot.lookup("#builtDatasets").queryListView();
        assertEquals(1, built.getItems().size());
        page.clickInFirstEntry(".rebuild-button");
        page.waitUntilIdle();
        assertTrue(built.getItems().get(0).verdict().startsWith("✓ identical"), built.getItems().get(0).verdict());
        assertTrue(page.text("#datasetsNotice").contains("identical"), page.text("#datasetsNotice"));
        page.clickInFirstEntry(".manifest-button");
        page.waitUntilIdle();
        assertTrue(robot.lookup("#manifestText").queryAs(javafx.scene.control.TextArea.class).getText()
                .contains("transactions"));
    }

    @Test
    void aBuildWhoseBaseIsOlderThanTheJoinedGroupSaysSoUnderTheSummary(FxRobot robot) throws Exception {
        DatasetsPageRobot page = new DatasetsPageRobot(robot, app);
        page.open();
        page.click("#baseKind-QUERY");
        // Set, not typed key by key: the robot types ~10 characters a second headless.
        javafx.scene.control.TextInputControl query = robot.lookup("#baseQuery").query();
        robot.interact(() -> query.setText("SELECT 'c1' AS customer_id, '2026-10-01T00:00:00Z' AS event_time"));
        page.click("#previewBase");
        page.waitUntilIdle();
        page.click("#addJoin");
        page.choose("#joinGroup-0", "customers");

        page.click("#buildDataset");
        page.waitUntilIdle();

        String notice = page.text("#datasetsNotice");
        assertTrue(notice.startsWith("Built 1 row"), () -> notice + " / banner: " + page.text("#datasetsError"));
        assertTrue(notice.contains("\nNote: no row has a value from 'customers': its earliest state has event time"
                + " 2026-11-01T00:00:00Z, after the base's latest (2026-10-01T00:00:00Z)"), notice);
        assertTrue(robot.lookup("#datasetsNotice").query().isVisible());
    }

    @Test
    void aFileBasePreviewFillsTheColumnPickersAndTheSqlCanBeCopied(FxRobot robot) throws Exception {
        DatasetsPageRobot page = new DatasetsPageRobot(robot, app);
        page.open();
        page.click("#baseKind-FILE");
        // The native file chooser cannot be driven headless; a typed path is what it would fill in.
        page.type("#baseFile", labels.toString());
        page.click("#previewBase");
        page.waitUntilIdle();
        assertEquals("customer_id", robot.lookup("#baseIdColumn").queryComboBox().getValue());
        assertEquals("event_time", robot.lookup("#baseTimeColumn").queryComboBox().getValue());
        assertEquals(List.of("customer_id", "event_time", "label"), robot.lookup("#baseIdColumn").queryComboBox().getItems());
        assertEquals(2, robot.lookup("#baseRowsTable").queryTableView().getItems().size());

        page.click("#addJoin");
        page.choose("#joinGroup-0", "customers");
        page.click("#joinFeature-0-city");
        robot.clickOn("SQL");
        page.waitUntilIdle();
        String sql = robot.lookup("#datasetSql").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(sql.contains("\"age\"") && !sql.contains("\"city\""), sql);
        robot.clickOn("#copySql");
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals(sql, copied[0]);
        assertEquals("Copied", robot.lookup("#copySql").queryButton().getText());
    }

    @Test
    void badInputIsExplainedBesideEachFieldAndNothingIsLost(FxRobot robot) throws Exception {
        DatasetsPageRobot page = new DatasetsPageRobot(robot, app);
        page.open();
        page.choose("#baseGroup", "transactions");
        page.type("#asOf", "yesterday");
        page.click("#splitMode");
        robot.clickOn("By event time");
        page.type("#splitParts", "train=0.9,test=0.2");
        page.click("#buildDataset");
        page.waitUntilIdle();

        assertTrue(page.text("#joinsError").startsWith("add at least one joined group"), page.text("#joinsError"));
        assertTrue(page.text("#asOfError").startsWith("'yesterday' is not a date or time"), page.text("#asOfError"));
        assertTrue(page.text("#splitError").startsWith("the fractions add up to 1.1"), page.text("#splitError"));
        assertTrue(page.text("#datasetsError").startsWith("Check the 3 fields marked in red"), page.text("#datasetsError"));
        assertTrue(robot.lookup("#datasetsError").query().isVisible());
        assertEquals(1, robot.listWindows().size(), "no dialog, no stack trace");
        assertEquals("yesterday", robot.lookup("#asOf").queryAs(TextField.class).getText(), "the typed text stays");
        assertFalse(Files.exists(app.store.exportsDirectory().resolve("transactions-dataset.csv")));

        page.type("#asOf", "");
        page.type("#splitParts", "train=0.5,test=0.5");
        page.click("#addJoin");
        page.choose("#joinGroup-0", "customers");
        page.click("#buildDataset");
        page.waitUntilIdle();
        assertEquals("", page.text("#datasetsError"));
        assertEquals("", page.text("#asOfError"));
        assertEquals("2 rows", page.text("#partRows-train"));
        assertEquals("2 rows", page.text("#partRows-test"));
    }

    @Test
    void aLongBuildShowsItsStepAndCancels(FxRobot robot) throws Exception {
        DatasetsPageRobot page = new DatasetsPageRobot(robot, app);
        page.open();
        page.click("#baseKind-QUERY");
        // 200M base rows: long enough to cancel. Set, not typed: typing it is not what this test is about.
        robot.interact(() -> {
            page.vm().base().queryProperty().set("SELECT 'c' || (range % 1000) AS customer_id, "
                    + "TIMESTAMPTZ '2026-11-01 00:00:00+00' + INTERVAL (range % 100000) SECOND AS event_time "
                    + "FROM range(200000000)");
            page.vm().base().previewed(List.of("customer_id", "event_time"));
        });
        page.click("#addJoin");
        page.choose("#joinGroup-0", "customers");
        page.click("#buildDataset");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> page.vm().job().runningProperty().get());
        Thread.sleep(800);
        assertTrue(robot.lookup("#buildProgress").query().isVisible());
        assertFalse(page.text("#buildStep").isEmpty());
        Button cancel = robot.lookup("#cancelDataset").queryButton();
        assertFalse(cancel.isDisabled());
        robot.clickOn(cancel);
        page.waitUntilIdle();
        assertTrue(page.text("#datasetsNotice").contains("cancelled"), page.text("#datasetsNotice")
                + " / " + page.text("#datasetsError"));
        assertEquals("", page.text("#datasetsError"));
        assertFalse(robot.lookup("#buildDataset").queryButton().isDisabled(), "ready for the next build");
    }
}
