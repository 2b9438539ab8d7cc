package org.featureworkbench.ingest;

/**
 * Asked, from the working thread, whether the user wants a long operation stopped. Must be cheap
 * and thread-safe (a GUI sets a volatile flag from its own thread).
 */
@FunctionalInterface
public interface CancellationToken {
    CancellationToken NONE = () -> false;

    boolean isCancellationRequested();
}
