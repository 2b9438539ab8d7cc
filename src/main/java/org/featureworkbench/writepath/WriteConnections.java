package org.featureworkbench.writepath;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kept connections for short write transactions. Borrowing from the H2 pool costs more than a
 * whole PutRecord, so idle connections are reused; one that failed is discarded (it may belong
 * to an AUTO_SERVER owner that went away). Thread-safe.
 */
final class WriteConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteConnections.class);

    /** Work inside one transaction; the caller commits on success and rolls back on failure. */
    @FunctionalInterface
    interface Transaction<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final int maxIdle;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    WriteConnections(DataSource dataSource, int maxIdle) {
        this.dataSource = dataSource;
        this.maxIdle = maxIdle;
    }

    /** Runs {@code work} in a transaction and commits it; rolls back and rethrows on any failure. */
    <T> T inTransaction(Transaction<T> work) throws SQLException {
        Connection c = idle.pollFirst();
        if (c == null) {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
        }
        boolean healthy = false;
        try {
            T result = work.run(c);
            c.commit();
            healthy = true;
            return result;
        } catch (RuntimeException e) {
            c.rollback();
            healthy = true; // bad input, not a bad connection
            throw e;
        } finally {
            release(c, healthy);
        }
    }

    private void release(Connection c, boolean healthy) {
        if (healthy && !closed && idle.size() < maxIdle) {
            idle.offerFirst(c);
            return;
        }
        try {
            if (!healthy) {
                c.rollback();
            }
            c.close();
        } catch (SQLException e) {
            LOG.debug("Closing a write connection failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            release(c, false);
        }
    }
}
