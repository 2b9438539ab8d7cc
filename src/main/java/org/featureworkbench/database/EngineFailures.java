package org.featureworkbench.database;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries work that failed inside the database engine itself rather than because of what it
 * asked. H2 2.5.252 once failed a COMMIT of a dead journal's replay with an internal
 * {@link AssertionError} (in {@code CommitDecisionMaker.decide}; only a JVM with assertions on
 * sees it, others go on silently) — reopening the workspace then failed (issue 12, ADR 0016
 * addendum). Work given here must be repeatable on a fresh connection (the journal's replay is:
 * it starts from the mark committed with its entries).
 */
public final class EngineFailures {
    /** Tries in all. */
    static final int ATTEMPTS = 3;
    /** H2's "General error": an unexpected exception inside the engine. */
    private static final int GENERAL_ERROR = 50000;
    private static final Logger LOG = LoggerFactory.getLogger(EngineFailures.class);

    private EngineFailures() {
    }

    /**
     * Runs {@code work}, again (up to {@value #ATTEMPTS} tries) when the engine failed internally.
     *
     * @param what for the log: what the work does
     */
    public static <T, E extends Exception> T retry(String what, Retry.Work<T, E> work) throws E {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (Exception | AssertionError e) {
                if (attempt >= ATTEMPTS || !isInternal(e)) {
                    throw e;
                }
                LOG.warn("The workspace database failed internally while {} (try {} of {}); trying again on a new"
                        + " connection", what, attempt, ATTEMPTS, e);
            }
        }
    }

    /** Whether {@code e} or a cause is an engine-internal failure (an assertion, H2's general error). */
    static boolean isInternal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AssertionError && fromEngine(t)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == GENERAL_ERROR) {
                return true;
            }
        }
        return false;
    }

    private static boolean fromEngine(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("org.h2.")) {
                return true;
            }
        }
        return false;
    }
}
