package org.featureworkbench.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.ui.dialog.FxDialogService;
import org.featureworkbench.ui.health.DamagedDatabaseStartup;
import org.featureworkbench.ui.shell.MainView;
import org.featureworkbench.ui.shell.MainViewModel;
import org.featureworkbench.ui.task.FxTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Started by {@link GuiLauncher} with a workspace, or directly (e.g.
 * {@code mvn javafx:run}) on {@link Workspace#defaultDirectory()}.
 */
public final class WorkbenchApp extends Application {
    /** The main window's size at first: its scene's, and the window's when a window manager ignores that. */
    private static final double WIDTH = 1240;
    private static final double HEIGHT = 800;

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);
    /** System property: print the time to the first window and exit (used by {@code bench startup}). */
    public static final String STARTUP_PROBE = "fwb.startupProbe";
    private static volatile Path requestedWorkspace;

    private Path workspace;
    private FeatureStore store;
    private Exception openFailure;
    private FxTaskExecutor executor;

    private static volatile CompletableFuture<FeatureStore> openingAhead;

    /**
     * Chooses the workspace and starts opening it at once on a background thread, so the
     * database opens while the JavaFX toolkit starts instead of after it (time to first window).
     */
    static void useWorkspace(Path directory) {
        requestedWorkspace = directory;
        openingAhead = CompletableFuture.supplyAsync(() -> Workspace.open(directory), runnable -> {
            Thread t = new Thread(runnable, "workspace-open");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Opens the store on the launcher thread, so the slow part never runs on the FX thread. */
    @Override
    public void init() {
        workspace = requestedWorkspace != null ? requestedWorkspace : Workspace.defaultDirectory();
        try {
            store = openingAhead != null ? openingAhead.join() : Workspace.open(workspace);
        } catch (Exception e) {
            LOG.error("Could not open workspace {}", workspace, e);
            openFailure = e instanceof CompletionException && e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void start(Stage stage) {
        if (store == null) {
            // A damaged database: offer to repair it, then start again with the repaired store.
            if (DamagedDatabaseStartup.offerRepair(stage, workspace, openFailure, repaired -> {
                store = repaired;
                start(stage);
                // The window was sized for the progress line; centre the main window instead.
                stage.centerOnScreen();
            })) {
                return;
            }
            Alert alert = new Alert(Alert.AlertType.ERROR, "The workspace " + workspace + " could not be opened:\n"
                    + openFailure.getMessage());
            alert.setHeaderText("Feature Workbench cannot start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        executor = new FxTaskExecutor();
        FxDialogService dialogs = new FxDialogService(() -> stage, store.logsDirectory(),
                folder -> getHostServices().showDocument(folder.toUri().toString()));
        // A bug must never reach the user as a bare stack trace on stderr: log it, say it plainly.
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Unexpected error on the JavaFX thread", error);
            dialogs.showError("Something went wrong", "An unexpected error occurred: " + error
                    + "\nThe workbench keeps running; the details are in the log.", error);
        });
        MainViewModel vm = new MainViewModel(store, executor, dialogs);
        vm.health().onNewDatabaseNeeded(() -> closeRepairAndReopen(stage));
        boolean reopened = stage.isShowing(); // after a repair: the window already shows its progress
        Scene scene = new Scene(new MainView(vm), WIDTH, HEIGHT);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.setTitle("Feature Workbench — " + workspace.toAbsolutePath());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        if (!reopened) {
            // Some X11 window managers (openbox, as in Lubuntu) ignore the scene's size and open the
            // window at its minimum: once the window is placed, ask again for the scene's size.
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> {
                javafx.animation.PauseTransition placed = new javafx.animation.PauseTransition(javafx.util.Duration.millis(100));
                placed.setOnFinished(done -> growTo(stage));
                placed.play();
            });
        }
        Styles.icon(stage);
        if (Boolean.getBoolean(STARTUP_PROBE)) {
            // For 'bench startup': report the time from JVM start to the first shown window, then quit.
            stage.setOnShown(e -> {
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first-window-ms=" + ms);
                Platform.exit();
            });
        }
        stage.show();
        if (reopened) {
            growTo(stage); // a new scene on a showing window keeps the window's (progress line's) size
        }
        vm.refresh();
        vm.checkAtOpening();
    }

    /**
     * Repair with a new database file from the Check page (ADR 0019): the main window's store must
     * close first, as a repair needs the workspace to itself; then the window opens on the new file.
     */
    private void closeRepairAndReopen(Stage stage) {
        FeatureStore closing = store;
        FxTaskExecutor closingExecutor = executor;
        store = null;
        executor = null;
        closingExecutor.close();
        DamagedDatabaseStartup.repairAndReopen(stage, workspace, () -> {
            try {
                closing.close();
            } catch (RuntimeException e) {
                // A damaged file may fail the close's last writes; the file is set aside either way.
                LOG.warn("Closing the damaged workspace before its repair failed", e);
            }
        }, repaired -> {
            store = repaired;
            start(stage);
            stage.centerOnScreen();
        });
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /**
     * Makes a normal window at least {@link #WIDTH} × {@link #HEIGHT}, within its screen, and moves
     * it back onto the screen if growing took it past an edge; a larger, maximized, full-screen,
     * minimized or closed window stays as it is.
     */
    private static void growTo(Stage stage) {
        if (!stage.isShowing() || stage.isMaximized() || stage.isFullScreen() || stage.isIconified()) {
            return;
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(stage.getX(), stage.getY(),
                        stage.getWidth(), stage.getHeight()).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        stage.setWidth(Math.max(stage.getWidth(), Math.min(WIDTH, screen.getWidth())));
        stage.setHeight(Math.max(stage.getHeight(), Math.min(HEIGHT, screen.getHeight())));
        stage.setX(Math.max(screen.getMinX(), Math.min(stage.getX(), screen.getMaxX() - stage.getWidth())));
        stage.setY(Math.max(screen.getMinY(), Math.min(stage.getY(), screen.getMaxY() - stage.getHeight())));
    }
}
