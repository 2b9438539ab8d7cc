package org.featureworkbench.query;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What a user should hear about a file the engine writes for them that is no error: today, that
 * a missing folder was created for it (a mistyped folder then shows at once). An export returns
 * its row count, so these travel beside it to whoever listens: the CLI prints them on stderr.
 * Thread-safe.
 */
final class OutputNotes {
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** Tells every listener; a listener that fails never stops the export. */
    void publish(String note) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(note);
            } catch (RuntimeException e) {
                // A note is a courtesy: the file is written whatever a listener does.
            }
        }
    }

    AutoCloseable subscribe(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
