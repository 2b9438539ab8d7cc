package org.featureworkbench.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the server's operator should hear about a request that succeeded without doing all it
 * asked, e.g. cloud-only settings the local store ignores. AWS's responses have no place for a
 * warning, so these go beside them: {@code serve} prints them on its console. Thread-safe; server
 * threads publish.
 */
final class ApiNotices {
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** Tells every listener; a listener that fails never fails the request. */
    void publish(String notice) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(notice);
            } catch (RuntimeException e) {
                // A notice is a courtesy: the request was answered whatever a listener does.
            }
        }
    }

    AutoCloseable subscribe(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
