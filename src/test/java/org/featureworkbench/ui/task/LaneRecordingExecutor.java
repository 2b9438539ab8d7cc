package org.featureworkbench.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;

/**
 * Runs everything at once on the calling thread, like {@link CurrentThreadTaskExecutor}, and
 * remembers which lane each piece of work was given: a test can then check that work which may
 * wait minutes never goes to the two threads that short tasks share.
 */
public final class LaneRecordingExecutor implements TaskExecutor {
    /** The four lanes of {@link TaskExecutor}. */
    public enum Lane { TASK, MAY_WAIT, JOB, QUIET }

    private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
    private final List<Lane> lanes = new ArrayList<>();

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        on(Lane.TASK, work, onSuccess, onFailure);
    }

    @Override
    public <T> void executeMayWait(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        on(Lane.MAY_WAIT, work, onSuccess, onFailure);
    }

    @Override
    public <T> void executeJob(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        on(Lane.JOB, work, onSuccess, onFailure);
    }

    @Override
    public <T> void executeQuietly(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        on(Lane.QUIET, work, onSuccess, onFailure);
    }

    private <T> void on(Lane lane, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        lanes.add(lane);
        now.execute(work, onSuccess, onFailure);
    }

    /** The lanes used since the last call, in order; forgets them. */
    public List<Lane> takeLanes() {
        List<Lane> taken = List.copyOf(lanes);
        lanes.clear();
        return taken;
    }

    @Override
    public ReadOnlyIntegerProperty runningTasksProperty() {
        return now.runningTasksProperty();
    }
}
