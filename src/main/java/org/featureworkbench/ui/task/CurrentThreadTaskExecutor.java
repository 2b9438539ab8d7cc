package org.featureworkbench.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Runs each task synchronously on the calling thread, so a view-model test sees the result as
 * soon as the command method returns — no FX toolkit, no waiting.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "runningTasks", 0);

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        running.set(running.get() + 1);
        try {
            result = work.call();
        } catch (Exception | Error e) {
            running.set(running.get() - 1);
            onFailure.accept(e);
            return;
        }
        running.set(running.get() - 1);
        onSuccess.accept(result);
    }

    @Override
    public ReadOnlyIntegerProperty runningTasksProperty() {
        return running.getReadOnlyProperty();
    }
}
