package org.featureworkbench.query;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stops a running query from another thread (the GUI's Cancel button, a CLI timeout): DuckDB
 * interrupts the statement at its next check, within milliseconds. Thread-safe. One instance per
 * query run; a cancel before the statement starts stops it as soon as it does.
 */
public final class QueryCancellation {
    private Statement running;
    private boolean cancelled;
    private boolean timedOut;

    /** Requests the stop. Idempotent. */
    public void cancel() {
        Statement statement;
        synchronized (this) {
            cancelled = true;
            statement = running;
        }
        cancelQuietly(statement);
    }

    /** True once {@link #cancel} was called. */
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    void timeOut() {
        synchronized (this) {
            timedOut = true;
        }
        cancel();
    }

    synchronized boolean timedOut() {
        return timedOut;
    }

    /** Registers the statement now running; cancels it at once when a cancel came first. */
    void attach(Statement statement) {
        boolean already;
        synchronized (this) {
            running = statement;
            already = cancelled;
        }
        if (already) {
            cancelQuietly(statement);
        }
    }

    synchronized void detach() {
        running = null;
    }

    private static void cancelQuietly(Statement statement) {
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // the statement already ended
            }
        }
    }
}
