package org.featureworkbench.ui.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.stats.FeatureDrift;
import org.featureworkbench.query.stats.FeatureSeries;
import org.featureworkbench.query.stats.FeatureStatistics;
import org.featureworkbench.query.stats.GroupStatistics;
import org.featureworkbench.query.stats.Histogram;
import org.featureworkbench.ui.WorkbenchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Statistics tab in the real window: every chart shows the store's numbers. */
@ExtendWith(ApplicationExtension.class)
class StatisticsPageTest {
    @TempDir
    Path dir;
    WorkbenchFixture app;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = WorkbenchFixture.show(dir.resolve("ws"), stage, store -> StatsData.fill(store, dir));
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void everyChartShowsTheStoresStatistics(FxRobot robot) throws Exception {
        app.settle();
        robot.clickOn("metrics");
        robot.clickOn("Statistics");
        app.settle();
        GroupStatistics expected = app.store.query().statistics("metrics", false, new QueryCancellation());
        assertEquals(600, expected.rows());

        TableView<FeatureStatistics> summary = robot.lookup("#statsSummary").queryTableView();
        assertEquals(List.of("id", "ts", "value", "count", "segment"), summary.getItems().stream().map(FeatureStatistics::name).toList());
        assertTrue(robot.lookup("#statsFacts").queryAs(Label.class).getText().startsWith("600 rows"));

        XYChart<String, Number> histogram = robot.lookup("#histogram-value").query();
        Histogram h = expected.feature("value").orElseThrow().histogram();
        assertEquals(h.bins().size(), StatsCharts.points(histogram).size());
        for (int i = 0; i < h.bins().size(); i++) {
            assertEquals(h.bins().get(i).count(), StatsCharts.points(histogram).get(i).getYValue().longValue());
        }
        XYChart<String, Number> top = robot.lookup("#topValues-segment").query();
        assertEquals("north", StatsCharts.points(top).get(0).getXValue());
        assertEquals(expected.feature("segment").orElseThrow().topValues().get(0).count(),
                StatsCharts.points(top).get(0).getYValue().longValue());
        XYChart<Number, Number> overTime = robot.lookup("#overTimeChart").query();
        assertEquals(expected.overTime().points().size(), StatsCharts.points(overTime).size());
        assertEquals(600, StatsCharts.points(overTime).stream().mapToLong(d -> d.getYValue().longValue()).sum());

        // Below the fold of the 900 px window: typed and pressed as a keyboard user would, without scrolling.
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            robot.lookup("#seriesRecordId").queryTextInputControl().setText("m5");
            robot.lookup("#showSeries").queryButton().fire();
        });
        app.settle();
        XYChart<Number, Number> series = robot.lookup("#seriesChart").query();
        FeatureSeries s = app.store.query().featureSeries("metrics", "m5", "value", new QueryCancellation());
        assertEquals(10, StatsCharts.points(series).size());
        assertEquals(s.points().get(9).value(), StatsCharts.points(series).get(9).getYValue().doubleValue(), 0);
        assertEquals(s.points().get(0).eventTime().toEpochMilli(), StatsCharts.points(series).get(0).getXValue().longValue());

        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            date(robot, "#driftRefFrom").setValue(LocalDate.parse("2026-11-01"));
            date(robot, "#driftRefTo").setValue(LocalDate.parse("2026-11-10"));
            date(robot, "#driftCurFrom").setValue(LocalDate.parse("2026-11-11"));
            date(robot, "#driftCurTo").setValue(LocalDate.parse("2026-11-20"));
        });
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> robot.lookup("#compareWindows").queryButton().fire());
        app.settle();
        TableView<FeatureDrift> drift = robot.lookup("#driftTable").queryTableView();
        assertEquals(List.of("value", "count", "segment"), drift.getItems().stream().map(FeatureDrift::feature).toList());
        assertEquals("shifted", drift.getItems().get(0).reading().label());
        assertFalse(robot.lookup("#driftRows").queryAs(Label.class).getText().contains("Note:"),
                "disjoint windows of ~300 rows each: nothing to note");
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            date(robot, "#driftCurFrom").setValue(LocalDate.parse("2026-11-05"));
            robot.lookup("#compareWindows").queryButton().fire();
        });
        app.settle();
        String rows = robot.lookup("#driftRows").queryAs(Label.class).getText();
        assertTrue(rows.contains("\nNote: the windows overlap (2026-11-05T00:00:00Z..2026-11-10T23:59:59.999999Z)"), rows);

        robot.clickOn("#scopeLatest");
        app.settle();
        assertTrue(robot.lookup("#statsFacts").queryAs(Label.class).getText().startsWith("60 rows"),
                robot.lookup("#statsFacts").queryAs(Label.class).getText());
        robot.clickOn("#scopeHistory");
        app.settle();
        screenshot("statistics.png");
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> robot.lookup("#statisticsPage").queryAs(StatisticsView.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("statistics-drift.png");

        // A typed date that is no date is said under the windows, the old reading cleared; no error dialog.
        robot.clickOn(date(robot, "#driftCurFrom").getEditor()).push(javafx.scene.input.KeyCode.CONTROL,
                javafx.scene.input.KeyCode.A).write("soon").push(javafx.scene.input.KeyCode.TAB);
        app.settle();
        assertEquals("'soon' is not a date: write it as 2026-11-01, or pick one from the calendar.",
                robot.lookup("#driftError").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#driftTable").queryTableView().getItems().isEmpty(), "no reading of other windows");
        assertEquals(1, robot.listWindows().size(), "no dialog opened");
    }

    private static javafx.scene.control.DatePicker date(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(javafx.scene.control.DatePicker.class);
    }

    /** With -Dfwb.screenshots=DIR: the tab as a PNG, for the README. */
    private void screenshot(String name) throws Exception {
        String out = System.getProperty("fwb.screenshots");
        if (out == null) {
            return;
        }
        Files.createDirectories(Path.of(out));
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png",
                        Path.of(out, name).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
