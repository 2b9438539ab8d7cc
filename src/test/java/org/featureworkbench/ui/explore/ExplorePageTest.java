package org.featureworkbench.ui.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.featureworkbench.model.Record;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.WorkbenchFixture;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Explore page in the real window: type, run with Ctrl+Enter, page, cancel, errors, chart. */
@ExtendWith(ApplicationExtension.class)
class ExplorePageTest {
    @TempDir
    Path workspace;
    WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = WorkbenchFixture.show(workspace, stage, store -> {
            store.createFeatureGroup(Definitions.customers("customers"));
            for (int i = 0; i < 3; i++) {
                store.records().putRecord("customers", Record.builder().put("customer_id", "c" + i)
                        .put("event_time", org.featureworkbench.model.EventTimes.format(java.time.Instant.now()
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(3600L * (i + 1)),
                                org.featureworkbench.model.FeatureType.STRING)).put("age", Integer.toString(30 + i))
                        .build(), java.util.Set.of(), null);
            }
        });
        // The headless screen is 1280×800: the whole window must be on it for clicks to land.
        stage.setHeight(800);
        stage.setY(0);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void open(FxRobot robot) throws Exception {
        app.settle();
        robot.clickOn("#exploreEntry");
        app.settle();
    }

    private void typeQuery(FxRobot robot, String sql) {
        CodeArea area = robot.lookup("#sqlEditor").queryAs(CodeArea.class);
        robot.interact(() -> area.replaceText(""));
        robot.clickOn(area).write(sql);
    }

    private void runWithKeyboard(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntilIdle();
    }

    private void waitUntilIdle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !app.view.explore().runningProperty().get() && app.executor.runningTasksProperty().get() == 0);
        app.settle();
    }

    static void shoot(FxRobot robot, String name) throws Exception {
        java.awt.image.BufferedImage[] image = new java.awt.image.BufferedImage[1];
        javafx.scene.Scene scene = robot.listWindows().get(0).getScene();
        robot.interact(() -> image[0] = javafx.embed.swing.SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        Path out = Path.of(System.getProperty("fwb.screenshots", "target-explore/screenshots"));
        java.nio.file.Files.createDirectories(out);
        javax.imageio.ImageIO.write(image[0], "png", out.resolve(name).toFile());
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void typedQueryRunsWithCtrlEnterAndPagesThroughALargeResult(FxRobot robot) throws Exception {
        open(robot);
        typeQuery(robot, "SELECT range AS n FROM range(100000)");
        runWithKeyboard(robot);
        TableView<Object[]> table = robot.lookup("#resultTable").queryTableView();
        assertEquals(ResultPager.PAGE_SIZE, table.getItems().size(), () -> "only one page is in the table; status "
                + text(robot, "#queryStatus") + ", error " + text(robot, "#queryError") + ", sql " + app.view.explore().sqlProperty().get());
        assertEquals(0L, table.getItems().get(0)[0]);
        assertTrue(text(robot, "#queryStatus").startsWith("100,000 rows · "), text(robot, "#queryStatus"));
        assertEquals("Rows 1–500 of 100,000", text(robot, "#resultPageText"));

        robot.clickOn("#resultNext");
        app.settle();
        assertEquals(500L, table.getItems().get(0)[0]);
        assertEquals("Rows 501–1,000 of 100,000", text(robot, "#resultPageText"));
        robot.clickOn("#resultLast");
        app.settle();
        assertEquals(99_999L, table.getItems().get(table.getItems().size() - 1)[0]);
        assertTrue(robot.lookup("#resultNext").queryButton().isDisabled());
        assertTrue(app.store.query().history().entries().get(0).contains("range(100000)"), "kept in the history");
    }

    @Test
    void aLongQueryCancelsAndThePageStaysUsable(FxRobot robot) throws Exception {
        open(robot);
        typeQuery(robot, "SELECT count(*) FROM range(100000000000) a");
        robot.clickOn("#runQuery");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.view.explore().runningProperty().get());
        Thread.sleep(300);
        Button cancel = robot.lookup("#cancelQuery").queryButton();
        assertFalse(cancel.isDisabled());
        robot.clickOn(cancel);
        waitUntilIdle();
        assertTrue(text(robot, "#queryNotice").contains("cancelled"), text(robot, "#queryNotice"));
        assertEquals("", text(robot, "#queryError"));

        typeQuery(robot, "SELECT customer_id, age FROM customers_latest ORDER BY customer_id");
        runWithKeyboard(robot);
        assertEquals(3, robot.lookup("#resultTable").queryTableView().getItems().size(), () -> "usable again; status "
                + text(robot, "#queryStatus") + ", error " + text(robot, "#queryError") + ", sql " + app.view.explore().sqlProperty().get());
        assertEquals("", text(robot, "#queryNotice"));
    }

    @Test
    void badSqlShowsTheEnginesMessageInThePage(FxRobot robot) throws Exception {
        open(robot);
        typeQuery(robot, "SELECT * FORM customers");
        runWithKeyboard(robot);
        String error = text(robot, "#queryError");
        assertTrue(error.startsWith("Parser Error: syntax error at or near \"customers\"")
                || error.startsWith("Parser Error"), error);
        assertTrue(robot.lookup("#queryError").queryAs(Label.class).isVisible());
        assertEquals(1, robot.listWindows().size(), "no dialog, no stack trace");
    }

    @Test
    void chartDrawsOnePointPerRowOverTime(FxRobot robot) throws Exception {
        open(robot);
        typeQuery(robot, "SELECT TIMESTAMPTZ '2026-01-01 00:00:00+00' + INTERVAL (range) HOUR AS t, range * 2 AS v "
                + "FROM range(240)");
        runWithKeyboard(robot);
        robot.clickOn("Chart");
        app.settle();
        XYChart<?, ?> chart = robot.lookup("#resultChart").queryAs(XYChart.class);
        assertEquals(240, chart.getData().get(0).getData().size());
        assertEquals(478.0, ((Number) chart.getData().get(0).getData().get(239).getYValue()).doubleValue());
    }

    @Test
    void ctrlSpaceCompletesGroupAndFeatureNames(FxRobot robot) throws Exception {
        open(robot);
        typeQuery(robot, "SELECT * FROM customers_l");
        robot.press(KeyCode.CONTROL).press(KeyCode.SPACE).release(KeyCode.SPACE).release(KeyCode.CONTROL);
        app.settle();
        CodeArea area = robot.lookup("#sqlEditor").queryAs(CodeArea.class);
        assertEquals("SELECT * FROM customers_latest", area.getText(), "a single match is inserted at once");

        robot.write(" WHERE ag");
        robot.press(KeyCode.CONTROL).press(KeyCode.SPACE).release(KeyCode.SPACE).release(KeyCode.CONTROL);
        app.settle();
        assertEquals("SELECT * FROM customers_latest WHERE age", area.getText());

        robot.write(" > 0 ORDER BY c");
        robot.press(KeyCode.CONTROL).press(KeyCode.SPACE).release(KeyCode.SPACE).release(KeyCode.CONTROL);
        app.settle();
        shoot(robot, "explore-completion.png");
        robot.clickOn("customer_id");
        app.settle();
        assertEquals("SELECT * FROM customers_latest WHERE age > 0 ORDER BY customer_id", area.getText());
    }
}
