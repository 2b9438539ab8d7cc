package org.featureworkbench.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Writes every committed transaction to the database file before returning — what
 * {@code CHECKPOINT} is assumed to do, and in H2 2.5.252 does not always do (ADR 0016,
 * addendum). H2 writes in the background through a pipeline (serialise, then write, each on a
 * thread of its own). {@code CHECKPOINT} is {@code MVStore.commit()}, which returns at once when
 * another store began while it waited for the store lock — typically the background writer,
 * whose chunk may still be queued in that pipeline. A process killed then loses commits that
 * were "made durable": an ingest's online batch recorded as finished, or the online halves of a
 * journal segment deleted right after (issue 12, {@code KillAtRandomPointsIT},
 * {@code ServingProcessKilledIT}).
 *
 * <p>The barrier: stop the background writer, which waits for its pipeline to drain; commit
 * (now written on the calling thread); start the writer again. It must run in the process that
 * has the file open, so a client calls it through the function alias {@value #ALIAS}, which
 * the serving process runs.
 */
public final class DiskBarrier {
    static final String ALIAS = "FWB_WRITE_TO_DISK";
    /** H2: function not found. */
    private static final int FUNCTION_NOT_FOUND = 90022;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DiskBarrier.class);
    /** Barriers of one JVM one at a time: the writer's delay is read, zeroed and restored. */
    private static final Object LOCK = new Object();

    private DiskBarrier() {
    }

    /**
     * Writes every transaction committed so far to the database file, in whichever process has
     * it open.
     *
     * @param c a connection of the workspace database, not inside a transaction with changes
     * @return false when the serving process could not run the barrier and H2's {@code CHECKPOINT}
     *         ran instead (right except in the rare case the barrier exists for)
     */
    public static boolean writeToDisk(Connection c) throws SQLException {
        SessionLocal session = local(c);
        if (session != null) {
            drain(session.getDatabase());
            return true;
        }
        return throughAlias(c);
    }

    /** Runs the barrier through the function alias, in the process that has the file open; false: CHECKPOINT ran. */
    static boolean throughAlias(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try {
                s.execute("CALL " + ALIAS + "()");
            } catch (SQLException e) {
                if (e.getErrorCode() != FUNCTION_NOT_FOUND) {
                    throw e;
                }
                s.execute("CREATE ALIAS IF NOT EXISTS " + ALIAS + " FOR '" + DiskBarrier.class.getName()
                        + ".inServingProcess'");
                s.execute("CALL " + ALIAS + "()");
            }
            return true;
        } catch (SQLException e) {
            if (ConnectionLoss.isHandOver(e)) {
                throw e;
            }
            // A serving process that cannot run the alias (another build of the app): H2's own
            // checkpoint, which is right except in the rare case the barrier exists for.
            LOG.warn("The process serving the workspace database could not run {} ({}); using CHECKPOINT",
                    ALIAS, e.getMessage());
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
            return false;
        }
    }

    /** The function behind {@value #ALIAS}; H2 calls it in the process that has the file open. */
    public static int inServingProcess(Connection c) throws SQLException {
        SessionLocal session = local(c);
        if (session == null) {
            throw new SQLException("the workspace database's disk barrier ran outside the serving process");
        }
        drain(session.getDatabase());
        return 1;
    }

    private static SessionLocal local(Connection c) throws SQLException {
        return c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal s ? s : null;
    }

    /** Work on the database that may fail. */
    @FunctionalInterface
    interface DatabaseWork {
        void run() throws SQLException;
    }

    /**
     * Runs {@code work} with H2's background writer stopped, then writes everything to disk: what
     * {@code work} changed reaches the file in one store, not split by a background store in its
     * middle. Meant for a session that has the database to itself (H2's exclusive mode); H2 may
     * still store on its own under memory pressure, which a few changed rows never cause.
     */
    static void inOneStore(Database database, DatabaseWork work) throws SQLException {
        MVStore store = database.getStore().getMvStore();
        synchronized (LOCK) {
            int delay = store.getAutoCommitDelay();
            if (delay > 0) {
                store.setAutoCommitDelay(0);
            }
            try {
                work.run();
                store.commit();
            } finally {
                if (delay > 0) {
                    store.setAutoCommitDelay(delay);
                }
            }
        }
    }

    /**
     * Stopping the background writer waits until its queued chunks are written; with no writer
     * pipeline left, the commit stores on this thread under the store lock.
     */
    private static void drain(Database database) throws SQLException {
        inOneStore(database, () -> { });
    }
}
