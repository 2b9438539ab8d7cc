package org.featureworkbench.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Runs each piece of work at once on the calling thread but holds back its outcome until the
 * test calls {@link #deliverNext()}: a view-model test can then interleave a slow background
 * reading with other changes, as the real executor's threads do. Work of {@link #execute} and
 * {@link #executeMayWait} counts as running until delivered, as in the app.
 */
public final class HeldDeliveryExecutor implements TaskExecutor {
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "runningTasks", 0);
    private final Deque<Runnable> held = new ArrayDeque<>();

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        hold(true, work, onSuccess, onFailure);
    }

    @Override
    public <T> void executeMayWait(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        hold(true, work, onSuccess, onFailure);
    }

    @Override
    public <T> void executeJob(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        hold(false, work, onSuccess, onFailure);
    }

    @Override
    public <T> void executeQuietly(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        hold(false, work, onSuccess, onFailure);
    }

    private <T> void hold(boolean counted, Callable<T> work, Consumer<? super T> onSuccess,
                          Consumer<? super Throwable> onFailure) {
        if (counted) {
            running.set(running.get() + 1);
        }
        Runnable delivery;
        try {
            T result = work.call();
            delivery = () -> onSuccess.accept(result);
        } catch (Exception | Error e) {
            delivery = () -> onFailure.accept(e);
        }
        Runnable deliver = delivery;
        held.add(() -> {
            if (counted) {
                running.set(running.get() - 1);
            }
            deliver.run();
        });
    }

    /** Delivers the oldest held outcome; false when none is held. */
    public boolean deliverNext() {
        return deliver(held.poll());
    }

    /** Delivers the newest held outcome first (a quick reading overtaking a slow task); false when none is held. */
    public boolean deliverNewest() {
        return deliver(held.pollLast());
    }

    private static boolean deliver(Runnable outcome) {
        if (outcome == null) {
            return false;
        }
        outcome.run();
        return true;
    }

    /** Delivers every held outcome, oldest first, including those their deliveries submit. */
    public void deliverAll() {
        while (deliverNext()) {
            // keep going
        }
    }

    @Override
    public ReadOnlyIntegerProperty runningTasksProperty() {
        return running.getReadOnlyProperty();
    }
}
