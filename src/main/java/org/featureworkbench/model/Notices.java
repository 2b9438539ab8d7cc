package org.featureworkbench.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Plain-word notices about work that succeeded but that a user should hear of (a folder created
 * for an export, cloud-only settings a CreateFeatureGroup request asked for and the local store
 * ignored), passed to whoever listens: the CLI prints them, the GUI shows them. What publishes
 * them returns its own result; these travel beside it. Thread-safe; publishers may be any thread.
 */
public final class Notices {
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** Tells every listener; a listener that fails never fails the work that published. */
    public void publish(String notice) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(notice);
            } catch (RuntimeException e) {
                // A notice is a courtesy: the work is done whatever a listener does.
            }
        }
    }

    /** Adds {@code listener} until the returned handle is closed. */
    public AutoCloseable subscribe(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
