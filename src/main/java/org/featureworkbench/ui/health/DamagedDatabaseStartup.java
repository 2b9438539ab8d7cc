package org.featureworkbench.ui.health;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.health.DamagedDatabaseException;
import org.featureworkbench.health.HealthOperations;
import org.featureworkbench.health.RepairReport;
import org.featureworkbench.ui.task.FxTaskExecutor;
import org.featureworkbench.workspace.Workspace;

/**
 * What the app does when the workspace database cannot be opened because it is damaged: it says
 * so and offers to repair (set the file aside, rebuild it from the offline store and the
 * definition files) before the main window opens. The repair runs in the background while the
 * window shows a progress line.
 */
public final class DamagedDatabaseStartup {
    private DamagedDatabaseStartup() {
    }

    /**
     * @return false when {@code failure} is not a damaged database (the caller reports it as before);
     *         true when this took over: it either quits or hands the repaired, opened store to {@code opened}
     */
    public static boolean offerRepair(Stage stage, Path workspace, Exception failure, Consumer<FeatureStore> opened) {
        if (!(failure instanceof DamagedDatabaseException damaged)) {
            return false;
        }
        ButtonType repair = new ButtonType("Repair now", ButtonBar.ButtonData.OK_DONE);
        ButtonType quit = new ButtonType("Quit", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.ERROR, "The database file " + damaged.databaseFile() + " is damaged "
                + "and cannot be opened.\n\nRepair moves it into the workspace's 'damaged' folder (nothing is "
                + "deleted), creates a new one, restores the feature groups from their definition files and each "
                + "online store from its offline store. Close other programs using this workspace first.",
                repair, quit);
        ask.setHeaderText("The workspace database is damaged");
        if (ask.showAndWait().orElse(quit) != repair) {
            Platform.exit();
            return true;
        }
        repairAndReopen(stage, workspace, () -> { }, opened);
        return true;
    }

    /**
     * Sets the database file aside, builds a new one and opens the workspace again, in the
     * background while the stage shows a progress line (the UI never freezes); then shows what was
     * repaired and hands the opened store to {@code opened}, or says why it failed and quits.
     *
     * @param closeFirst run first, on the background thread: closes whatever still has the
     *                   workspace open in this process (the main window's store)
     */
    public static void repairAndReopen(Stage stage, Path workspace, Runnable closeFirst, Consumer<FeatureStore> opened) {
        HBox progress = new HBox(10, new ProgressIndicator(), new Label("Repairing " + workspace + " …"));
        progress.setPadding(new Insets(24));
        stage.setScene(new Scene(progress, 560, 120));
        stage.setTitle("Feature Workbench — repairing");
        stage.show();
        FxTaskExecutor executor = new FxTaskExecutor();
        executor.execute(() -> {
            closeFirst.run();
            return new Repaired(HealthOperations.repairWithNewDatabase(workspace), Workspace.open(workspace));
        },
                done -> {
                    executor.close();
                    Alert report = new Alert(done.report().complete() ? Alert.AlertType.INFORMATION
                            : Alert.AlertType.WARNING, String.join("\n", HealthViewModel.lines(done.report())));
                    report.setHeaderText(done.report().complete() ? "The workspace is repaired"
                            : "The workspace is repaired; some data could not be restored");
                    report.showAndWait();
                    opened.accept(done.store());
                }, e -> {
                    executor.close();
                    new Alert(Alert.AlertType.ERROR, "The repair could not finish: " + e.getMessage()).showAndWait();
                    Platform.exit();
                });
    }

    private record Repaired(RepairReport report, FeatureStore store) {
    }
}
