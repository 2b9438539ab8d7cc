package org.featureworkbench.online;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.featureworkbench.database.ConnectionLoss;
import org.featureworkbench.database.Retry;
import org.featureworkbench.model.ReadWouldWaitException;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.registry.StaleDefinitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few long-lived connections (for lookups, and for the writes that open their own transaction), each with its prepared statements kept by SQL text, so a
 * lookup is one bind + execute instead of borrow, parse and close (ADR 0005's latency goal).
 * A JDBC statement belongs to one connection, hence the cache per session; a session is used by
 * one thread at a time (borrowed, then returned). Thread-safe.
 */
final class ReadSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadSessions.class);
    private static final int STATEMENTS_PER_SESSION = 64;

    private final DataSource dataSource;
    private final int maxIdle;
    private final boolean neverWait;
    private final Deque<Session> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /** Work done with one session's statements. */
    @FunctionalInterface
    interface Work<T> {
        T run(Session session) throws SQLException;
    }

    ReadSessions(DataSource dataSource, int maxIdle) {
        this(dataSource, maxIdle, false);
    }

    /**
     * @param neverWait whether each session's H2 lock timeout is 0 while it is ours: work that
     *                  would wait for a lock another session holds (an ALTER or DROP of the table)
     *                  fails at once with {@link ReadWouldWaitException} instead, and so does
     *                  work whose connection is not this process's own (a client of another
     *                  process's database server, whose every read is a round trip)
     */
    ReadSessions(DataSource dataSource, int maxIdle, boolean neverWait) {
        this.dataSource = dataSource;
        this.maxIdle = maxIdle;
        this.neverWait = neverWait;
    }

    /**
     * Runs {@code work} on an idle session (or a new one); a session that failed is discarded.
     * Work whose connection was lost (the process serving the database exited) runs again on a
     * new session: the work is a read or a transaction of its own, rolled back by the loss.
     */
    <T> T with(Work<T> work) throws SQLException {
        return Retry.onLostConnection(() -> withOnce(work));
    }

    private <T> T withOnce(Work<T> work) throws SQLException {
        Session session = idle.pollFirst();
        if (session == null) {
            session = neverWait ? Session.neverWaiting(dataSource.getConnection())
                    : new Session(dataSource.getConnection());
        }
        try {
            T result = work.run(session);
            release(session);
            return result;
        } catch (SQLException e) {
            if (neverWait && e.getErrorCode() == org.h2.api.ErrorCode.LOCK_TIMEOUT_1) {
                // the session is fine: it only declined to wait
                release(session);
                throw new ReadWouldWaitException("another session holds a lock this read needs", e);
            }
            if (e.getErrorCode() == org.h2.api.ErrorCode.COLUMN_NOT_FOUND_1) {
                // a statement naming a column the table lacks (features being added) failed to prepare:
                // nothing was cached or left open, the session is fine
                release(session);
                throw e;
            }
            discard(session, e);
            throw e;
        } catch (ValidationException | StaleDefinitionException e) {
            // Bad input or a changed group, not a bad connection: the session is still good.
            release(session);
            throw e;
        } catch (RuntimeException e) {
            discard(session, e);
            throw e;
        }
    }

    /**
     * The connection may be broken (e.g. the AUTO_SERVER owner went away): never reuse it, nor
     * its idle siblings, which went to the same server.
     */
    private void discard(Session session, Exception e) {
        session.close();
        if (ConnectionLoss.isHandOver(e)) {
            for (Session s = idle.pollFirst(); s != null; s = idle.pollFirst()) {
                s.close();
            }
        }
    }

    private void release(Session session) {
        if (closed || idle.size() >= maxIdle) {
            session.close();
        } else {
            idle.offerFirst(session);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Session s = idle.pollFirst(); s != null; s = idle.pollFirst()) {
            s.close();
        }
    }

    /** One connection and its statements, least recently used dropped first. */
    static final class Session {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                        if (size() > STATEMENTS_PER_SESSION) {
                            closeQuietly(eldest.getValue());
                            return true;
                        }
                        return false;
                    }
                };

        /** The lock timeout to give back to the pooled connection on close, or -1 to leave it. */
        private final int lockTimeoutToRestore;

        Session(Connection connection) {
            this(connection, -1);
        }

        private Session(Connection connection, int lockTimeoutToRestore) {
            this.connection = connection;
            this.lockTimeoutToRestore = lockTimeoutToRestore;
        }

        /**
         * A session on {@code connection} whose H2 lock timeout is 0 until it is closed (the
         * connection goes back to the workspace pool with its own timeout, for the writers that
         * wait as usual). Set on H2's session object, not with SQL: no statement per session.
         */
        static Session neverWaiting(Connection connection) throws SQLException {
            SessionLocal local;
            try {
                local = connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal s ? s : null;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            if (local == null) {
                connection.close();
                throw new ReadWouldWaitException("the database file is served by another process", null);
            }
            int usual = local.getLockTimeout();
            local.setLockTimeout(0);
            return new Session(connection, usual);
        }

        /** The session's connection, in auto-commit mode between uses. */
        Connection connection() {
            return connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                statements.put(sql, ps);
            }
            return ps;
        }

        void close() {
            statements.values().forEach(Session::closeQuietly);
            statements.clear();
            if (lockTimeoutToRestore >= 0) {
                try {
                    ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
                            .setLockTimeout(lockTimeoutToRestore);
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("Restoring a read connection's lock timeout failed", e);
                }
            }
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing a read connection failed", e);
            }
        }

        private static void closeQuietly(PreparedStatement ps) {
            try {
                ps.close();
            } catch (SQLException e) {
                LOG.debug("Closing a cached statement failed", e);
            }
        }
    }
}
