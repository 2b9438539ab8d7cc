package org.featureworkbench.database;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases the database file when H2 failed to close it. H2 2.5.252's {@code Database.close}
 * closes its LOB storage before the store, and when that throws (after a {@code kill -9} it
 * met "Chunk 18 not found", issue 12) the store — and with it the OS lock on
 * {@code workbench.mv.db} — stays open although the database is gone from H2's registry. Every
 * later open in this JVM then fails ("The file is locked", {@code OverlappingFileLockException});
 * a long-lived process (the GUI, a server, a test) could never open the workspace again. Closing
 * the store without writing leaves the file as a crash would, which every opener handles (the
 * record journal replays what it lost, ADR 0010).
 */
public final class FailedClose {
    private static final Logger LOG = LoggerFactory.getLogger(FailedClose.class);
    /** How long a close running on another thread is given to finish. */
    private static final long PATIENCE_MS = 2_000;

    private FailedClose() {
    }

    /** The embedded database behind {@code c}, or null for a client connection. */
    public static Database databaseOf(Connection c) {
        try {
            return c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal s ? s.getDatabase() : null;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /**
     * After the last session of {@code database} was closed: if H2 began closing it but its store
     * is still open, closes the store without writing, so the file and its lock are released.
     */
    public static void release(Database database) {
        if (database == null || !database.isClosing()) {
            return;
        }
        MVStore store = database.getStore().getMvStore();
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        while (!store.isClosed() && database.getSessionCount() == 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!store.isClosed() && database.getSessionCount() == 0) {
            LOG.warn("H2 could not close the workspace database cleanly (see online/workbench.trace.db); released the"
                    + " file without writing, as if the process had ended");
            try {
                database.getStore().closeImmediately();
            } catch (RuntimeException e) {
                LOG.warn("Could not release the workspace database file: {}", e.getMessage());
            }
        }
    }
}
