package org.featureworkbench.api.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Requests that met a feature group being changed wait here for the change to end, holding no
 * thread, and are then routed again as if they had just arrived (ADR 0021 addendum 8). While
 * features are added, H2 copies the group's online table, and every write of the group is
 * refused until the copy is in place (a write to the table being copied would be lost): ~20 s
 * for 300,000 records. The SDKs retry the ServiceUnavailable for a few seconds at most, so an
 * application's puts failed; here they wait instead, as SageMaker keeps taking writes while a
 * group is updated.
 *
 * <p>Each request is tried again after pauses of 20 ms doubling to 500 ms, for at most the
 * server's {@link ServerLimits#changeWait()} (kept under the SDKs' 30 s socket timeout); after
 * that, or when {@link #MAX_WAITING} requests already wait, it is answered ServiceUnavailable,
 * which the SDKs retry. A waiting request holds its connection, not a thread: the request
 * threads keep serving everyone else. Closing the server routes every waiting request again at
 * once (it is then answered "shutting down"). Thread-safe.
 */
final class GroupChangeWaits {
    /** Requests waiting at once, at most; more are answered ServiceUnavailable at once. */
    static final int MAX_WAITING = 512;
    private static final long FIRST_PAUSE_MS = 20;
    private static final long LONGEST_PAUSE_MS = 500;

    private final Scheduler scheduler;
    private final Executor requestThreads;
    private final long maxWaitNanos;
    private final Set<Wait> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param scheduler      runs each pause's end
     * @param requestThreads where a request is routed again after its pause
     * @param limits         how long one request may wait ({@link ServerLimits#changeWait()})
     */
    GroupChangeWaits(Scheduler scheduler, Executor requestThreads, ServerLimits limits) {
        this.scheduler = scheduler;
        this.requestThreads = requestThreads;
        this.maxWaitNanos = limits.changeWait().toNanos();
    }

    /** The waits of one request that has just met a group being changed. */
    Wait start() {
        return new Wait(System.nanoTime());
    }

    /** How many requests wait now. */
    int waiting() {
        return waiting.size();
    }

    /** Routes every waiting request again now, and from now on lets none wait. */
    void close() {
        closed = true;
        for (Wait wait : waiting) {
            try {
                wait.endNow();
            } catch (RuntimeException | Error e) {
                // that request's own failure (its callback is failed by the retry); the others are still answered
            }
        }
    }

    /** Whether {@link #close} was called: a request refused a wait is then answered "shutting down". */
    boolean closed() {
        return closed;
    }

    /** One request's waits: each {@link #again} is one more pause before it is routed again. */
    final class Wait {
        private final long sinceNanos;
        private long pauseMs = FIRST_PAUSE_MS;
        private volatile Runnable retry;

        private Wait(long sinceNanos) {
            this.sinceNanos = sinceNanos;
        }

        /**
         * Runs {@code retry} on a request thread after the next pause, unless the request has
         * waited its limit, too many wait, or the server is closing.
         *
         * @return false when the request is to be answered now instead
         */
        boolean again(Runnable retry) {
            long waitedNanos = System.nanoTime() - sinceNanos;
            long pause = pauseMs;
            // MAX_WAITING is a bound, not an exact count: two requests may pass it at once.
            if (closed || waitedNanos + TimeUnit.MILLISECONDS.toNanos(pause) > maxWaitNanos
                    || waiting.size() >= MAX_WAITING) {
                return false;
            }
            pauseMs = Math.min(pause * 2, LONGEST_PAUSE_MS);
            this.retry = retry;
            waiting.add(this);
            if (closed) {
                endNow(); // close() may have passed this one by while it was being added
                return true;
            }
            try {
                scheduler.schedule(this::end, pause, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                endNow(); // the server stopped meanwhile: answered at once
            }
            return true;
        }

        private void end() {
            if (waiting.remove(this)) {
                try {
                    requestThreads.execute(retry);
                } catch (RejectedExecutionException stopping) {
                    retry.run(); // the server is stopping: the retry is answered "shutting down" at once
                }
            }
        }

        private void endNow() {
            if (waiting.remove(this)) {
                retry.run();
            }
        }
    }
}
