package org.featureworkbench.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.featureworkbench.model.FeatureMetadataUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Not part of the test run (the name does not end in Test): takes the screenshots used in the
 * README and for design review. Run with
 * {@code mvn -o test -Dtest=ScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false -Dfwb.screenshots=DIR}.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTour {
    // A stable, readable path: it is printed in the toolbar of the screenshots.
    Path workspace = Path.of(System.getProperty("java.io.tmpdir"), "feature-workbench-demo");
    WorkbenchFixture app;
    Path out = Path.of(System.getProperty("fwb.screenshots", "target/screenshots"));

    @Start
    void start(Stage stage) throws java.io.IOException {
        deleteRecursively(workspace);
        app = WorkbenchFixture.show(workspace, stage, store -> { });
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void tour(FxRobot robot) throws Exception {
        Files.createDirectories(out);
        app.settle();
        shoot(robot, robot.listWindows().get(0).getScene(), "empty-state.png");

        robot.interact(() -> app.vm.loadSampleData());
        app.settle();
        robot.clickOn("OK");
        app.store.updateFeatureMetadata("customers", "lifetime_value", new FeatureMetadataUpdate(
                "Total revenue from the customer so far", Map.of("unit", "EUR"), List.of()));
        app.store.updateFeatureMetadata("customers", "age", new FeatureMetadataUpdate(
                "Age in whole years", Map.of(), List.of()));
        robot.clickOn("#refresh");
        app.settle();
        robot.clickOn("customers");
        robot.clickOn("lifetime_value");
        app.settle();
        shoot(robot, robot.listWindows().get(0).getScene(), "main-window.png");

        recordsPage(robot);

        robot.clickOn("#newGroup");
        robot.clickOn("#groupName").write("my group");
        robot.clickOn("#groupDescription").write("Daily activity per user");
        robot.clickOn("#featureName-0").write("user_id");
        robot.clickOn("#addFeatureRow");
        robot.clickOn("#featureName-1").write("event_time");
        robot.clickOn("#addFeatureRow");
        robot.clickOn("#featureName-2").write("write_time");
        robot.interact(() -> robot.lookup("#recordIdPicker").<String>queryComboBox()
                .getSelectionModel().select("user_id"));
        app.settle();
        Window dialog = robot.listWindows().stream().filter(w -> w != robot.listWindows().get(0)).findFirst().orElseThrow();
        shoot(robot, dialog.getScene(), "new-group-dialog.png");
        robot.clickOn("Cancel");
    }

    /** The Records tab of customers with a few records looked up and the put form half filled. */
    private void recordsPage(FxRobot robot) throws Exception {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String[][] rows = {{"C-1001", "34", "Berlin", "712", "1830.5", "1"}, {"C-1002", "27", "Lisbon", "655", "240.0", "0"},
                {"C-1003", "45", "Oslo", "790", "5120.75", "1"}};
        for (int i = 0; i < rows.length; i++) {
            String[] r = rows[i];
            app.store.records().putRecord("customers", org.featureworkbench.model.Record.builder().put("customer_id", r[0])
                    .put("event_time", org.featureworkbench.model.EventTimes.format(now.minusSeconds(3600L * (i + 1)),
                            org.featureworkbench.model.FeatureType.STRING))
                    .put("age", r[1]).put("city", r[2]).put("credit_score", r[3]).put("lifetime_value", r[4])
                    .put("is_premium", r[5]).build(), java.util.Set.of(), null);
        }
        app.store.records().flush("customers");
        robot.clickOn("Records");
        robot.clickOn("#lookupIds").write("C-1001, C-1002, C-1003, C-2000").type(javafx.scene.input.KeyCode.ENTER);
        robot.clickOn("#put-customer_id").write("C-1004");
        robot.clickOn("#put-age").write("29.5");
        robot.clickOn("#put-city").write("Madrid");
        app.settle();
        shoot(robot, robot.listWindows().get(0).getScene(), "records-page.png");
        robot.clickOn("C-1002");
        robot.clickOn("#deleteRecord");
        robot.clickOn("#hardDelete");
        app.settle();
        Window dialog = robot.listWindows().stream().filter(w -> w != robot.listWindows().get(0)).findFirst().orElseThrow();
        shoot(robot, dialog.getScene(), "delete-record-dialog.png");
        robot.clickOn("Cancel");
        robot.clickOn("Overview");
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void shoot(FxRobot robot, Scene scene, String name) throws Exception {
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> image[0] = SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        ImageIO.write(image[0], "png", out.resolve(name).toFile());
    }
}
