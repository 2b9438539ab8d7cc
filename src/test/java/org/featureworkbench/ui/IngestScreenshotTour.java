package org.featureworkbench.ui;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.ui.shell.MainView;
import org.featureworkbench.ui.shell.MainViewModel;
import org.featureworkbench.ui.task.FxTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not part of the test run: screenshots of each ingest wizard step and the Jobs page. Run with
 * {@code mvn -o test -Dtest=IngestScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false -Dfwb.screenshots=DIR}.
 */
@ExtendWith(ApplicationExtension.class)
class IngestScreenshotTour {
    Path workspace = Path.of(System.getProperty("java.io.tmpdir"), "feature-workbench-ingest-demo");
    Path out = Path.of(System.getProperty("fwb.screenshots", "target/screenshots"));
    FeatureStore store;
    FxTaskExecutor executor = new FxTaskExecutor();
    ScriptedDialogs dialogs = new ScriptedDialogs();
    MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        if (Files.exists(workspace)) {
            try (var paths = Files.walk(workspace)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        store = Workspace.open(workspace);
        vm = new MainViewModel(store, executor, dialogs);
        Scene scene = new Scene(new MainView(vm), 1280, 820);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        vm.refresh();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> new java.util.ArrayList<>(Window.getWindows())
                .forEach(w -> ((Stage) w).hide()));
        executor.close();
        store.close();
    }

    @Test
    void tour(FxRobot robot) throws Exception {
        Files.createDirectories(out);
        Path file = workspace.resolve("clickstream.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("session_id,event_time,user,pages,duration_s,country\n");
            for (int i = 0; i < 400_000; i++) {
                w.write("s" + i + ",2026-01-0" + (1 + i % 9) + "T10:" + (10 + i % 50) + ":00Z,u" + (i % 5000) + ","
                        + (i % 17) + "," + (i % 300) + ".5," + (i % 3 == 0 ? "DE" : "PT") + "\n");
            }
        }
        dialogs.fileAnswers.push(Optional.of(file));
        robot.clickOn("#newGroupFromFile");
        robot.clickOn("#chooseFile");
        shoot(robot, wizard(robot, "#fileStep"), "ingest-1-file.png");
        robot.clickOn("#wizardNext");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#previewStep").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        shoot(robot, wizard(robot, "#previewStep"), "ingest-2-preview.png");
        robot.clickOn("#wizardNext");
        shoot(robot, wizard(robot, "#definitionStep"), "ingest-3-definition.png");
        robot.clickOn("#wizardNext");
        shoot(robot, wizard(robot, "#targetsStep"), "ingest-4-stores.png");
        robot.clickOn("#wizardNext");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.jobs().rows().stream()
                .anyMatch(r -> r.progress().fraction() > 0.2));
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        shoot(robot, wizard(robot, "#runStep"), "ingest-5-progress.png");
        robot.clickOn("#wizardClose");
        robot.clickOn("#jobsEntry");
        robot.clickOn("clickstream.csv");
        Thread.sleep(1200);
        WaitForAsyncUtils.waitForFxEvents();
        shoot(robot, robot.listWindows().get(0).getScene(), "jobs-page-running.png");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.jobs().runningProperty().get() == 0);
        Thread.sleep(1200);
        WaitForAsyncUtils.waitForFxEvents();
        shoot(robot, robot.listWindows().get(0).getScene(), "jobs-page.png");

        // A small second ingest, run to its summary, for the last step's picture.
        Path small = Files.writeString(workspace.resolve("visits.csv"), "visit_id,event_time,pages\n"
                + "v1,2026-01-01T10:00:00Z,3\nv2,2026-01-01T11:00:00Z,x\nv3,2026-01-01T12:00:00Z,9\n");
        dialogs.fileAnswers.push(Optional.of(small));
        robot.clickOn("#newGroupFromFile");
        robot.clickOn("#chooseFile");
        robot.clickOn("#wizardNext");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#previewStep").tryQuery().isPresent());
        robot.clickOn("#wizardNext");
        robot.interact(() -> robot.lookup("#columnType-2").<org.featureworkbench.model.FeatureType>queryComboBox()
                .setValue(org.featureworkbench.model.FeatureType.INTEGRAL));
        robot.clickOn("#wizardNext");
        robot.clickOn("#wizardNext");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#summaryStep").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        shoot(robot, wizard(robot, "#summaryStep"), "ingest-6-summary.png");
        robot.clickOn("#wizardClose");

        // A file with ragged rows (like car_data.csv): the preview lists them as rows that cannot be read.
        Path ragged = Files.writeString(workspace.resolve("cars.csv"), "car_id,model,year,mileage,price\n"
                + "c1,Tesla Model 3,2019,50412,31924.00\nc2,Hyundai Sonata,2016,\"97,237 mi.\",13492.00\n"
                + "c3,Ford F-150,2021,12003,44990.00\nc4,Kia Rio,2018,,\nc5,Fiat 500,2020,8500,\"$9,990\",extra\n");
        dialogs.fileAnswers.push(Optional.of(ragged));
        robot.clickOn("#newGroupFromFile");
        robot.clickOn("#chooseFile");
        robot.clickOn("#wizardNext");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#previewStep").tryQuery().isPresent());
        shoot(robot, wizard(robot, "#previewStep"), "ingest-2-preview-problems.png");
    }

    /** The scene of the wizard showing {@code step}. */
    private static Scene wizard(FxRobot robot, String step) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(step).query().getScene();
    }

    private void shoot(FxRobot robot, Scene scene, String name) throws Exception {
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> image[0] = SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        ImageIO.write(image[0], "png", out.resolve(name).toFile());
    }
}
