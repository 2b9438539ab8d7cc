package org.featureworkbench.api.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;

/**
 * Closes connections whose client takes longer than the request timeout to send a request's
 * headers. Jetty's idle timeout alone does not catch a client that sends one byte a second: each
 * byte makes the connection busy again. Bodies have their own timeout in {@link JettyApiHandler};
 * a connection whose request is being answered is left alone, and so is one that is silent between
 * requests (the idle timeout closes it).
 *
 * <p>It also knows which connections are between requests, so that stopping the server can close
 * those at once instead of waiting for their keep-alive to run out ({@link #closeIdle}): the
 * handler reports each finished exchange ({@link #exchangeOf}), and a connection is idle when
 * every request Jetty parsed on it has been answered to its last byte.
 *
 * <p>{@link #sweep} runs on one scheduler thread; open and close events come from Jetty's threads.
 */
final class SlowRequestSweeper implements Connection.Listener {
    private final Map<Connection, Progress> open = new ConcurrentHashMap<>();
    private final long timeoutMillis;

    SlowRequestSweeper(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void onOpened(Connection connection) {
        open.put(connection, new Progress());
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    /** Closes the connections that have been sending one request's headers for too long. */
    void sweep(long nowMillis) {
        open.forEach((connection, progress) -> {
            if (progress.stalled(connection, nowMillis) > timeoutMillis) {
                open.remove(connection);
                connection.getEndPoint().close();
            }
        });
    }

    /**
     * The exchange bookkeeping of {@code connection}, or null for a connection this sweeper never saw
     * opened (none in practice: it listens to every connection of its connector).
     */
    Progress exchangeOf(Connection connection) {
        return open.get(connection);
    }

    /**
     * Closes every connection that has no request in progress (kept-alive and silent, or with a
     * request's first bytes only); a request being handled or answered keeps its connection open.
     */
    void closeIdle() {
        open.forEach((connection, progress) -> {
            // <=: a request Jetty refused before its headers were complete is answered but never counted in
            if (connection.getMessagesIn() <= progress.answered) {
                connection.getEndPoint().close();
            }
        });
    }

    int openConnections() {
        return open.size();
    }

    /** Where a connection stood at the last sweep, and how many of its requests were answered in full. */
    static final class Progress {
        /** Written by the thread that finished the exchange (one at a time per HTTP/1.1 connection). */
        private volatile long answered;
        private long bytesAtLastAnswer;
        private long answers;
        private long partialSince;

        /** The response to one more request has been written to its last byte (or has failed). */
        void answered() {
            answered++;
        }

        /** How long bytes of an unanswered, not yet started request have been arriving; 0 when none. */
        long stalled(Connection connection, long now) {
            long bytesIn = connection.getBytesIn();
            long out = connection.getMessagesOut();
            if (out != answers) {
                answers = out;
                bytesAtLastAnswer = bytesIn;
                partialSince = 0;
                return 0;
            }
            boolean handling = connection.getMessagesIn() > out;
            if (handling || bytesIn == bytesAtLastAnswer) {
                partialSince = 0;
                return 0;
            }
            if (partialSince == 0) {
                partialSince = now;
            }
            return now - partialSince;
        }
    }
}
