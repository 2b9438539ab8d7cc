package org.featureworkbench.ui.health;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.featureworkbench.ui.WorkbenchFixture;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not part of the test run (the name does not end in Test): the Check workspace screenshot of the
 * README, on the sample data with a dropped online table and a cut Parquet file. Run with
 * {@code mvn -o test -Dtest=HealthScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false -Dfwb.screenshots=assets/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class HealthScreenshotTour {
    Path workspace = Path.of(System.getProperty("java.io.tmpdir"), "feature-workbench-health-demo");
    WorkbenchFixture app;

    @Start
    void start(Stage stage) throws Exception {
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
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("OK").match(javafx.scene.Node::isVisible)
                .tryQuery().isPresent());
        robot.interact(() -> robot.lookup("OK").match(javafx.scene.Node::isVisible)
                .queryAs(javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.store.listFeatureGroups(
                org.featureworkbench.model.GroupListQuery.ALL).size() == 3 && app.store.ingest().jobs().stream()
                .noneMatch(j -> j.state().name().equals("RUNNING")));
        app.store.records().flush(null);
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(workspace), "fwb", "");
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE \"FWB_ONLINE_orders_" + app.store.describeFeatureGroup("orders").creationTime()
                    .getEpochSecond() + "\"");
        }
        try (var files = Files.walk(app.store.offlineStoreDirectory().resolve("customers-"
                + app.store.describeFeatureGroup("customers").creationTime().getEpochSecond()))) {
            Path parquet = files.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
            try (RandomAccessFile raf = new RandomAccessFile(parquet.toFile(), "rw")) {
                raf.setLength(raf.length() / 2);
            }
        }
        robot.interact(() -> robot.lookup("#healthEntry").queryButton().fire());
        robot.interact(() -> robot.lookup("#checkWorkspace").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#repairWorkspace").queryButton().isDisabled());
        app.settle();
        shoot(robot, "check-workspace.png");

        // Later, not inside interact: the confirmation waits in its own event loop until it is answered.
        javafx.application.Platform.runLater(() -> robot.lookup("#repairWorkspace").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .button")
                .match(n -> n instanceof javafx.scene.control.Button b && "Repair".equals(b.getText())).tryQuery().isPresent());
        robot.interact(() -> robot.lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b
                && "Repair".equals(b.getText())).queryAs(javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#repairLines").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        app.settle();
        shoot(robot, "check-workspace-repaired.png");
    }
}
