package org.featureworkbench.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a small pool of daemon threads and hops back to the JavaFX thread with
 * {@link Platform#runLater}. This is the only class in the application that calls
 * {@code runLater}; everything else goes through {@link TaskExecutor}.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;
    private final ExecutorService jobs;
    private final ExecutorService quiet;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "runningTasks", 0);

    public FxTaskExecutor() {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "fwb-task-" + counter.incrementAndGet());
            // Daemon threads so a closed window never waits for a stuck background call.
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(2, threads);
        // Jobs (ingests) get their own threads: two long ingests must not starve lookups and refreshes.
        this.jobs = Executors.newCachedThreadPool(named("fwb-job-"));
        // Polls get one thread of their own so a poll never waits behind a slow task.
        this.quiet = Executors.newSingleThreadExecutor(named("fwb-poll-"));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public <T> void executeJob(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        uncounted(jobs, work, onSuccess, onFailure);
    }

    @Override
    public <T> void executeQuietly(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        uncounted(quiet, work, onSuccess, onFailure);
    }

    private static <T> void uncounted(ExecutorService on, Callable<T> work, Consumer<? super T> onSuccess,
                                      Consumer<? super Throwable> onFailure) {
        on.execute(() -> {
            try {
                T result = work.call();
                onFxThread(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                LOG.warn("Background task failed: {}", e.toString(), e);
                onFxThread(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        counted(pool, work, onSuccess, onFailure);
    }

    @Override
    public <T> void executeMayWait(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        counted(jobs, work, onSuccess, onFailure);
    }

    private <T> void counted(ExecutorService on, Callable<T> work, Consumer<? super T> onSuccess,
                             Consumer<? super Throwable> onFailure) {
        onFxThread(() -> running.set(running.get() + 1));
        on.execute(() -> {
            try {
                T result = work.call();
                onFxThread(() -> deliver(() -> onSuccess.accept(result)));
            } catch (Exception | Error e) {
                LOG.warn("Background task failed: {}", e.toString(), e);
                onFxThread(() -> deliver(() -> onFailure.accept(e)));
            }
        });
    }

    private void deliver(Runnable callback) {
        // The task is done before its callback runs: a callback may open a modal dialog, and the
        // busy indicator must not keep spinning behind it.
        running.set(running.get() - 1);
        callback.run();
    }

    private static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public ReadOnlyIntegerProperty runningTasksProperty() {
        return running.getReadOnlyProperty();
    }

    /** Stops accepting work; running tasks and jobs finish on their daemon threads. */
    @Override
    public void close() {
        pool.shutdown();
        jobs.shutdown();
        quiet.shutdown();
    }
}
