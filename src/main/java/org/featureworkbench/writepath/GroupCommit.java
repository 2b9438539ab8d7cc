package org.featureworkbench.writepath;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for PutRecord and DeleteRecord: writes that arrive while a commit is running are
 * done together in the next transaction and made durable by one H2 commit, because the commit
 * (MVStore writing its chunk to the file, {@code WRITE_DELAY=0}) is most of a write's cost.
 * Each caller still returns only after the commit that holds its write, so acknowledged still
 * means committed (ADR 0007).
 *
 * <p>How: a caller queues its work and takes the committer lock; the lock holder drains the
 * queue, runs every work in one transaction and commits. Callers that queued meanwhile find
 * their work done when they get the lock, or drain the next group. A lone caller pays only an
 * uncontended lock.
 *
 * <p>Failures stay per caller: a work that throws a {@link RuntimeException} (bad input, a stale
 * definition) is rolled back to its savepoint and only its caller sees the exception. A
 * {@link SQLException} (lock timeout, deadlock, a lost connection; also when wrapped in a runtime
 * exception) may have undone the whole
 * transaction, so the group is rolled back and every work re-run in a transaction of its own,
 * exactly as without grouping. Thread-safe.
 */
final class GroupCommit {
    /** Enough to fill one commit on a busy machine, small enough that lock waits stay short. */
    private static final int MAX_GROUP = 256;

    private final WriteConnections connections;
    private final ReentrantLock committer = new ReentrantLock();
    private final Queue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

    GroupCommit(WriteConnections connections) {
        this.connections = connections;
    }

    /** Runs {@code work} in a transaction shared with concurrent callers; returns after it is committed. */
    <T> T run(WriteConnections.Transaction<T> work) throws SQLException {
        Pending<T> mine = new Pending<>(work);
        queue.add(mine);
        committer.lock();
        try {
            while (!mine.done) {
                commitGroup(drain());
            }
        } finally {
            committer.unlock();
        }
        return mine.outcome();
    }

    private List<Pending<?>> drain() {
        List<Pending<?>> group = new ArrayList<>();
        for (Pending<?> p = queue.poll(); p != null; p = queue.poll()) {
            group.add(p);
            if (group.size() == MAX_GROUP) {
                break;
            }
        }
        return group;
    }

    private void commitGroup(List<Pending<?>> group) {
        if (group.size() == 1) {
            // Alone: its own transaction, as without grouping; no savepoint to pay for.
            group.get(0).runAlone(connections);
            group.get(0).done = true;
            return;
        }
        try {
            connections.inTransaction(c -> {
                for (Pending<?> p : group) {
                    p.runAtSavepoint(c);
                }
                return null;
            });
        } catch (SQLException | RuntimeException groupFailed) {
            // The transaction is gone (WriteConnections rolled it back): nothing of it is durable.
            for (Pending<?> p : group) {
                p.runAlone(connections);
            }
        }
        group.forEach(p -> p.done = true);
    }

    /** One caller's work and, once done, its result or failure. */
    private static final class Pending<T> {
        private final WriteConnections.Transaction<T> work;
        private T result;
        private Exception failure;
        private volatile boolean done;

        Pending(WriteConnections.Transaction<T> work) {
            this.work = work;
        }

        void runAtSavepoint(Connection c) throws SQLException {
            Savepoint savepoint = c.setSavepoint();
            try {
                result = work.run(c);
                failure = null;
                c.releaseSavepoint(savepoint);
            } catch (RuntimeException e) {
                if (causedBySql(e)) {
                    // The database failed under the work (e.g. a deadlock), which may have undone
                    // the whole transaction: abort the group rather than trust the savepoint.
                    throw new SQLException("a grouped write failed in the database", e);
                }
                c.rollback(savepoint);
                failure = e;
            }
        }

        private static boolean causedBySql(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException) {
                    return true;
                }
            }
            return false;
        }

        void runAlone(WriteConnections connections) {
            try {
                result = connections.inTransaction(work);
                failure = null;
            } catch (SQLException | RuntimeException e) {
                failure = e;
            }
        }

        T outcome() throws SQLException {
            if (failure instanceof SQLException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            return result;
        }
    }
}
