package org.featureworkbench.ui.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * Runs tasks at once on the calling thread, but holds jobs back until {@link #runJobs()}, so a
 * test can act (e.g. cancel) between a job's submission and its run.
 */
final class DeferredJobsExecutor implements TaskExecutor {
    private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
    private final List<Runnable> jobs = new ArrayList<>();

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        now.execute(work, onSuccess, onFailure);
    }

    @Override
    public <T> void executeJob(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        jobs.add(() -> now.execute(work, onSuccess, onFailure));
    }

    /** Runs the held jobs in order; returns how many there were. */
    int runJobs() {
        List<Runnable> held = List.copyOf(jobs);
        jobs.clear();
        held.forEach(Runnable::run);
        return held.size();
    }

    @Override
    public ReadOnlyIntegerProperty runningTasksProperty() {
        return now.runningTasksProperty();
    }
}
