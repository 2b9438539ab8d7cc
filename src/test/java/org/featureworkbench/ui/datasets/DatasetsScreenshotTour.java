package org.featureworkbench.ui.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Not part of the test run (the name does not end in Test): the Datasets page screenshots of the
 * README, on the bundled sample data. Run with
 * {@code mvn -o test -Dtest=DatasetsScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false -Dfwb.screenshots=assets/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class DatasetsScreenshotTour {
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

    private void shoot(FxRobot robot, String name) throws Exception {
        java.awt.image.BufferedImage[] image = new java.awt.image.BufferedImage[1];
        javafx.scene.Scene scene = robot.listWindows().get(0).getScene();
        robot.interact(() -> image[0] = javafx.embed.swing.SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        Path out = Path.of(System.getProperty("fwb.screenshots", "target/screenshots"));
        Files.createDirectories(out);
        javax.imageio.ImageIO.write(image[0], "png", out.resolve(name).toFile());
    }

    @Test
    void tour(FxRobot robot) throws Exception {
        app.settle();
        robot.interact(() -> app.vm.loadSampleData());
        // Loading reports in a dialog; on a busy machine that takes longer than settle() waits.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("OK").match(javafx.scene.Node::isVisible)
                .tryQuery().isPresent());
        // Pressed rather than clicked: the dialog may still be placing itself on the headless screen.
        robot.interact(() -> robot.lookup("OK").match(javafx.scene.Node::isVisible)
                .queryAs(javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> rows("SELECT count(*) FROM transactions") == 1000
                && rows("SELECT count(*) FROM customers") == 356);

        DatasetsPageRobot page = new DatasetsPageRobot(robot, app);
        page.open();
        page.choose("#baseGroup", "transactions");
        page.click("#addJoin");
        page.choose("#joinGroup-0", "customers");
        page.click("#joinFeature-0-event_time");
        page.type("#joinLookback-0", "30d");
        page.click("#previewDataset");
        page.waitUntilIdle();
        robot.interact(() -> robot.lookup("#datasetsForm").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents();
        shoot(robot, "datasets.png");

        page.click("#splitMode");
        robot.clickOn("By event time");
        page.click("#buildDataset");
        page.waitUntilIdle();
        robot.clickOn("Built datasets");
        WaitForAsyncUtils.waitForFxEvents();
        page.clickInFirstEntry(".rebuild-button");
        page.waitUntilIdle();
        page.clickInFirstEntry(".manifest-button");
        page.waitUntilIdle();
        shoot(robot, "datasets-built.png");
    }
}
