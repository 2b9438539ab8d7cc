package org.featureworkbench.ui.datasets;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.featureworkbench.dataset.DatasetProgress;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The page's one long job at a time — a build or a rebuild — on the executor's job thread, with
 * its progress by step and Cancel. The builder reports steps on its own thread into a
 * {@link StepHolder}; the view calls {@link #poll()} a few times a second to show the latest, so
 * no progress callback ever touches JavaFX from the job's thread.
 */
public final class DatasetJobViewModel {
    /** The slow part: gets the progress sink and the cancellation to hand to the builder. */
    @FunctionalInterface
    interface Work<T> {
        T run(DatasetProgress progress, QueryCancellation cancellation) throws Exception;
    }

    /** The latest step the builder reported, written on its thread and read on the UI thread. */
    static final class StepHolder implements DatasetProgress {
        private volatile Step latest;

        @Override
        public void step(String step, int done, int total) {
            latest = new Step(step, done, total);
        }

        Step latest() {
            return latest;
        }
    }

    record Step(String text, int done, int total) {
    }

    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", 0);
    private QueryCancellation cancellation;
    private StepHolder steps;

    DatasetJobViewModel(TaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * Starts {@code work} unless a job runs already.
     *
     * @param what        "Building …" / "Rebuilding …", shown above the progress bar
     * @param onSuccess   the result, on the UI thread
     * @param onFailure   the error, on the UI thread; a cancel arrives as {@code onCancelled} instead
     * @return false when another job is running
     */
    <T> boolean start(String what, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                      Runnable onCancelled) {
        if (running.get()) {
            return false;
        }
        QueryCancellation c = new QueryCancellation();
        StepHolder holder = new StepHolder();
        cancellation = c;
        steps = holder;
        running.set(true);
        title.set(what);
        step.set("Starting…");
        // Below zero: an indeterminate bar until the builder reports its first step.
        fraction.set(-1);
        executor.executeJob(() -> work.run(holder, c), result -> {
            finish(holder);
            onSuccess.accept(result);
        }, e -> {
            finish(holder);
            // The builder may stop with its own error when cancelled mid-statement: the user asked for it.
            if (c.isCancelled()) {
                onCancelled.run();
            } else {
                onFailure.accept(e);
            }
        });
        return true;
    }

    private void finish(StepHolder holder) {
        if (steps == holder) {
            running.set(false);
            cancellation = null;
            step.set("");
            fraction.set(0);
            title.set("");
        }
    }

    /** Shows the latest step the builder reported (the view calls it while {@link #runningProperty()}). */
    public void poll() {
        StepHolder holder = steps;
        Step s = holder == null ? null : holder.latest();
        if (!running.get() || s == null) {
            return;
        }
        step.set(s.text() + (s.total() > 0 ? "  (step " + Math.min(s.done() + 1, s.total()) + " of " + s.total() + ")" : ""));
        fraction.set(s.total() > 0 ? Math.min(1.0, (double) s.done() / s.total()) : -1);
    }

    /** Asks the running job to stop; it ends at the builder's next check. */
    public void cancel() {
        QueryCancellation c = cancellation;
        if (c != null) {
            c.cancel();
            step.set("Cancelling…");
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "Building transactions-dataset.csv"; empty when idle. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The builder's current step in words, with "step 2 of 5". */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Steps done / steps in all, or −1 (indeterminate) before the first step. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }
}
