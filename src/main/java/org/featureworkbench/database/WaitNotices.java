package org.featureworkbench.database;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where "this process waits for another" is told (ADR 0016): the database hand-over, a
 * workspace-wide operation waiting for other processes. The CLI prints them on stderr; the GUI
 * shows them on its status bar. A process-wide hub because the database is opened before there is
 * a store to hold listeners; each store forwards them to its own listeners while it is open.
 */
public final class WaitNotices {
    private static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();

    private WaitNotices() {
    }

    /** Tells every listener; a listener that fails never stops the waiting work. */
    public static void publish(String message) {
        for (Consumer<String> listener : LISTENERS) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                // A notice is a courtesy: the wait goes on whatever a listener does.
            }
        }
    }

    /** Adds a listener until the returned handle is closed. */
    public static AutoCloseable subscribe(Consumer<String> listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }
}
