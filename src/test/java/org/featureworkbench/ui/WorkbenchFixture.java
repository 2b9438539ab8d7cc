package org.featureworkbench.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.ui.dialog.FxDialogService;
import org.featureworkbench.ui.shell.MainView;
import org.featureworkbench.ui.shell.MainViewModel;
import org.featureworkbench.ui.task.FxTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on a real workspace, as {@link WorkbenchApp} builds it, for TestFX
 * tests: background executor, FX dialogs, the application stylesheet.
 */
public final class WorkbenchFixture implements AutoCloseable {
    public final FeatureStore store;
    public final FxTaskExecutor executor = new FxTaskExecutor();
    public final MainViewModel vm;
    public final MainView view;
    private final Stage stage;

    private WorkbenchFixture(FeatureStore store, Stage stage) {
        this.store = store;
        this.stage = stage;
        FxDialogService dialogs = new FxDialogService(() -> stage, store.logsDirectory(), folder -> { });
        vm = new MainViewModel(store, executor, dialogs);
        view = new MainView(vm);
        Scene scene = new Scene(view, 1280, 900);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        vm.refresh();
    }

    /** Opens the workspace (tests may fill it first with {@code prepare}) and shows the window. */
    public static WorkbenchFixture show(Path workspace, Stage stage, java.util.function.Consumer<FeatureStore> prepare) {
        FeatureStore store = Workspace.open(workspace);
        prepare.accept(store);
        return new WorkbenchFixture(store, stage);
    }

    /**
     * Waits until every background task has delivered its result, the window has caught up with
     * groups changed in the store directly (as another process would change them), and the FX
     * queue is drained.
     */
    public void settle() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> executor.runningTasksProperty().get() == 0);
        // The window's own every-two-seconds check, done now: it must not land in the middle of the test's next click.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !checking());
        WaitForAsyncUtils.waitForAsyncFx(5_000, vm::checkForOutsideChanges);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !checking());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> executor.runningTasksProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean checking() throws Exception {
        return WaitForAsyncUtils.asyncFx(vm::checkingForOutsideChanges).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        // Hide first, as quitting the app does: a page that polls (Records) stops before the executor closes.
        WaitForAsyncUtils.waitForAsyncFx(5_000, stage::hide);
        executor.close();
        store.close();
    }
}
