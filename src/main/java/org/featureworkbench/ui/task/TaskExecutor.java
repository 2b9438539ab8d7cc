package org.featureworkbench.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;

/**
 * The one seam between the JavaFX thread and slow work (every {@code FeatureStore} call).
 *
 * <p>View models hand a {@link Callable} to {@link #execute}; the implementation runs it
 * somewhere that does not block the UI and delivers exactly one of {@code onSuccess} or
 * {@code onFailure} on the thread view-model properties may be changed from (the JavaFX thread
 * in the app, the calling thread in tests). Keeping this in one interface lets view models be
 * unit tested with {@link CurrentThreadTaskExecutor} and keeps {@code Platform.runLater} in one
 * class ({@link FxTaskExecutor}).
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background and reports its outcome.
     *
     * @param work      the slow part; must not touch JavaFX properties or nodes
     * @param onSuccess receives the result (may be null) on the UI thread
     * @param onFailure receives whatever {@code work} threw on the UI thread
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /**
     * Runs long work (an ingest job) on a thread of its own, so it never holds up the short tasks
     * of {@link #execute}; it is not counted by {@link #runningTasksProperty()} (a job shows its own
     * progress, and the busy indicator must not spin for minutes). Same delivery contract as
     * {@link #execute}. The default runs it like any other task.
     */
    default <T> void executeJob(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        execute(work, onSuccess, onFailure);
    }

    /**
     * Runs work that is usually short but may take minutes (adding features copies the online
     * table; a put or delete of a group whose features are being added waits for that copy) on a
     * thread of its own, so it never holds up the short tasks of {@link #execute}. Counted by
     * {@link #runningTasksProperty()} like them. Same delivery contract as {@link #execute}. The
     * default runs it like any other task.
     */
    default <T> void executeMayWait(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        execute(work, onSuccess, onFailure);
    }

    /**
     * Runs a short, frequent read (a once-a-second poll) without touching the busy indicator, so
     * the status bar does not blink with every poll. Same delivery contract as {@link #execute}.
     * The default runs it like any other task.
     */
    default <T> void executeQuietly(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        execute(work, onSuccess, onFailure);
    }

    /** How many tasks are submitted and not yet delivered; drives the busy indicator. */
    ReadOnlyIntegerProperty runningTasksProperty();
}
