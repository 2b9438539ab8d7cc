package org.featureworkbench.database;

/**
 * Runs a unit of database work again when its connection was lost because the process serving
 * the database went away (ADR 0016). The work must be safe to repeat: a transaction rolled back
 * by the loss, a read, or a write the record journal keeps idempotent. The next try gets a
 * connection from {@link WorkspaceDatabase}, which waits for the database's new owner.
 */
public final class Retry {
    /** Tries in all: a hand-over can take more than one (the new owner may exit too). */
    static final int ATTEMPTS = 5;

    private Retry() {
    }

    /** Work that may throw a checked exception of type {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code work}, again (up to {@value #ATTEMPTS} tries) when it failed with a lost
     * connection — or with a failed re-open: H2 re-opens an auto-commit session itself (AUTO_SERVER
     * implies its auto-reconnect), and that can meet the hand-over half-way ("Locked by another process").
     */
    public static <T, E extends Exception> T onLostConnection(Work<T, E> work) throws E {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (Exception e) {
                if (attempt >= ATTEMPTS || !ConnectionLoss.isHandOver(e)) {
                    throw e;
                }
            }
        }
    }
}
