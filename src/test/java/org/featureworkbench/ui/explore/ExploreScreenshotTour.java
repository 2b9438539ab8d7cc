package org.featureworkbench.ui.explore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryOptions;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.ui.WorkbenchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not part of the test run (the name does not end in Test): the Explore and Data tab screenshots
 * of the README. Run with
 * {@code mvn -o test -Dtest=ExploreScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false -Dfwb.screenshots=assets/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class ExploreScreenshotTour {
    Path workspace = Path.of(System.getProperty("java.io.tmpdir"), "feature-workbench-demo");
    WorkbenchFixture app;

    @Start
    void start(Stage stage) throws java.io.IOException {
        if (Files.exists(workspace)) {
            try (var paths = Files.walk(workspace)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        app = WorkbenchFixture.show(workspace, stage, store -> { });
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.setY(0);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private long rows(String sql) {
        try (QueryResult r = app.store.query().run(sql, QueryOptions.DEFAULT, new QueryCancellation())) {
            return (Long) r.page(0, 1).get(0)[0];
        }
    }

    private void waitForExplore() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.view.explore().runningProperty().get()
                && app.executor.runningTasksProperty().get() == 0);
        app.settle();
    }

    @Test
    void tour(FxRobot robot) throws Exception {
        app.settle();
        robot.interact(() -> app.vm.loadSampleData());
        app.settle();
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> rows("SELECT count(*) FROM transactions") == 1000
                && rows("SELECT count(*) FROM customers") == 356);

        robot.clickOn("#exploreEntry");
        app.settle();
        ComboBox<String> group = robot.lookup("#templateGroup").queryComboBox();
        robot.interact(() -> group.setValue("customers"));
        robot.clickOn("#templateMenu");
        robot.clickOn("Latest snapshot");
        app.settle();
        robot.clickOn("#sqlEditor");
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitForExplore();
        ExplorePageTest.shoot(robot, "explore.png");

        robot.interact(() -> group.setValue("transactions"));
        robot.clickOn("#templateMenu");
        robot.clickOn("Rows per hour of event time");
        app.settle();
        robot.clickOn("#runQuery");
        waitForExplore();
        robot.clickOn("Chart");
        app.settle();
        ExplorePageTest.shoot(robot, "explore-chart.png");

        robot.clickOn("customers");
        robot.clickOn("#dataTab");
        app.settle();
        robot.clickOn("#dataHistory");
        app.settle();
        robot.clickOn("#dataRecordId").write("C0001").type(KeyCode.ENTER);
        app.settle();
        ExplorePageTest.shoot(robot, "data-tab.png");
    }
}
