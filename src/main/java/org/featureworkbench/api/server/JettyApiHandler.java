package org.featureworkbench.api.server;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.model.GroupChangingException;

/**
 * Adapts Jetty's requests to {@link ApiDispatcher}: reads the body without holding a thread while
 * a client is slow to send it, refuses a body over the limit before reading it (or as soon as it
 * passes the limit, when its length was not declared), and gives up on a body that takes longer
 * than the request timeout. A request whose body is already there when it is handled (GetRecord
 * and DeleteRecord have none; most small bodies arrive with the headers) is answered on the thread
 * Jetty called in on, with no timer set: the timeout is scheduled only once the handler actually
 * has to wait for bytes, so the common read costs no scheduler work.
 *
 * <p>The handler is declared non-blocking, so Jetty calls it on its selector thread with no
 * hand-over (ADR 0021 addendum). It answers there only a request that cannot wait: no body to
 * read and {@link ApiDispatcher#answersWithoutWaiting} (a GetRecord from this process's own
 * database file with the group's definition cached); its answer is written with Jetty's
 * callback-based write, which never blocks. Every other request is handed to the request thread
 * pool at once and handled there exactly as a blocking handler would, so a store call that waits
 * for another process, a lock or a group commit never stalls the other connections.
 */
final class JettyApiHandler extends Handler.Abstract {
    private static final byte[] NO_BODY = new byte[0];
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField CLOSE = new PreEncodedHttpField(HttpHeader.CONNECTION, "close");

    private final ApiDispatcher dispatcher;
    private final ServerLimits limits;
    private final TrafficCounter traffic;
    private final Scheduler scheduler;
    private final SlowRequestSweeper connections;
    private final Executor requestThreads;
    private final LongAdder answeredOnNetworkThread = new LongAdder();
    private final GroupChangeWaits changeWaits;

    /**
     * @param requestThreads where every request that may wait is handled (Jetty's thread pool)
     */
    JettyApiHandler(ApiDispatcher dispatcher, ServerLimits limits, TrafficCounter traffic, Scheduler scheduler,
                    SlowRequestSweeper connections, Executor requestThreads) {
        // Non-blocking is a promise to Jetty that handle() returns without waiting: it does, by
        // answering inline only what cannot wait and handing everything else to requestThreads.
        super(InvocationType.NON_BLOCKING);
        this.dispatcher = dispatcher;
        this.limits = limits;
        this.traffic = traffic;
        this.scheduler = scheduler;
        this.connections = connections;
        this.requestThreads = requestThreads;
        this.changeWaits = new GroupChangeWaits(scheduler, requestThreads, limits);
    }

    /** Where requests wait while a group they use is being changed; closed when the server stops. */
    GroupChangeWaits changeWaits() {
        return changeWaits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Callback done = counted(request, callback);
        if (hasNoBody(request)) {
            ApiRequest apiRequest = toApiRequest(request, NO_BODY);
            if (dispatcher.answersWithoutWaiting(apiRequest)) {
                ApiResponse answer = dispatcher.dispatchWithoutWaiting(apiRequest);
                if (answer != null) {
                    answeredOnNetworkThread.increment();
                    write(answer, response, done, false);
                    return true;
                }
                // it would wait (another process holds the table's lock): a request thread waits instead
            }
        }
        try {
            requestThreads.execute(() -> {
                try {
                    handleMayWait(request, response, done);
                } catch (RuntimeException | Error e) {
                    // what Jetty does with a handler's failure when it calls the handler itself
                    done.failed(e);
                }
            });
        } catch (RejectedExecutionException e) {
            // only while the server stops (the pool's queue is unbounded)
            write(ApiErrors.render(ApiErrors.serviceUnavailable("the local endpoint is shutting down; start it again"
                    + " with 'serve'"), ApiRouter.isControlPlane(toApiRequest(request, NO_BODY))), response, done, true);
        }
        return true;
    }

    /**
     * Whether the request has no body, known from its headers alone: a length of 0, or (HTTP/1.1,
     * RFC 9112 §6.3) neither a length nor a transfer coding, as every SDK's GetRecord is sent.
     */
    private static boolean hasNoBody(Request request) {
        long declared = request.getLength();
        return declared == 0 || declared < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** How many requests were answered on Jetty's network (selector) thread, without a hand-over. */
    long answeredOnNetworkThread() {
        return answeredOnNetworkThread.sum();
    }

    /** A request that may wait (for its body, the store, another process), on a request thread. */
    private void handleMayWait(Request request, Response response, Callback done) {
        String rawPath = request.getHttpURI().getPath();
        int limit = limits.maxBodyBytes(rawPath);
        long declared = request.getLength();
        if (declared > limit) {
            write(tooLarge(rawPath, declared, limit), response, done, true);
        } else if (declared == 0) {
            answer(request, NO_BODY, response, done);
        } else {
            new BodyReader(request, response, done, limit).read();
        }
    }

    /**
     * {@code callback}, also telling the connection's bookkeeping when the exchange is over, so a
     * stopping server can tell idle connections from busy ones; while stopping, the connection is
     * closed as soon as its answer is out.
     */
    Callback counted(Request request, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        SlowRequestSweeper.Progress progress = connections.exchangeOf(connection);
        if (progress == null) {
            return callback;
        }
        return new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                progress.answered();
                super.succeeded();
                closeIfStopping();
            }

            @Override
            public void failed(Throwable x) {
                progress.answered();
                super.failed(x);
            }

            private void closeIfStopping() {
                if (dispatcher.isClosing()) {
                    connection.getEndPoint().close();
                }
            }
        };
    }

    private void answer(Request request, byte[] body, Response response, Callback callback) {
        answer(toApiRequest(request, body), response, callback, null);
    }

    /**
     * Answers {@code request}; one that meets a feature group being changed waits for the change
     * without holding this thread ({@link GroupChangeWaits}) and is answered by a later call.
     *
     * @param waits the request's waits so far, or null on its first try
     */
    private void answer(ApiRequest request, Response response, Callback callback, GroupChangeWaits.Wait waits) {
        ApiResponse answer;
        try {
            answer = dispatcher.dispatchUnlessGroupChanging(request);
        } catch (GroupChangingException changing) {
            GroupChangeWaits.Wait wait = waits != null ? waits : changeWaits.start();
            if (wait.again(() -> retry(request, response, callback, wait))) {
                return;
            }
            // refused a wait because the server stops: say so, not "features are being added"
            answer = changeWaits.closed() ? dispatcher.dispatch(request) : dispatcher.unavailable(request, changing);
        }
        write(answer, response, callback, false);
    }

    /** A waiting request's next try; a failure of it fails the exchange, as one of the first try does. */
    private void retry(ApiRequest request, Response response, Callback callback, GroupChangeWaits.Wait waits) {
        try {
            answer(request, response, callback, waits);
        } catch (RuntimeException | Error e) {
            callback.failed(e);
        }
    }

    private void write(ApiResponse answer, Response response, Callback callback, boolean closeAfter) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        if (answer.contentType().equals(JSON.getValue())) {
            headers.put(JSON);
        } else {
            headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        }
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        headers.put("x-amzn-RequestId", requestId());
        answer.headers().forEach(headers::put);
        if (closeAfter || dispatcher.isClosing()) {
            // while stopping, clients learn to reconnect instead of reusing a connection about to close
            headers.put(CLOSE);
        }
        traffic.record(answer.status());
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    /** A random request id in UUID form; not UUID.randomUUID(), whose SecureRandom is one lock for all threads. */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static ApiRequest toApiRequest(Request request, byte[] body) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        String query = request.getHttpURI().getQuery();
        return new ApiRequest(request.getMethod(), request.getHttpURI().getPath(), query == null ? "" : query,
                new RequestHeaders(request.getHeaders()), body, remote instanceof InetSocketAddress inet ? inet : null);
    }

    /** A whole body that came in one chunk (or none): its bytes without an intermediate buffer. */
    private static byte[] take(ByteBuffer bytes) {
        if (!bytes.hasRemaining()) {
            return NO_BODY;
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return copy;
    }

    private static ApiResponse tooLarge(String rawPath, long size, int limit) {
        return ApiErrors.render(new ApiException(413, "ValidationError", "the request body "
                + (size < 0 ? "exceeds" : "has " + size + " bytes, over") + " the limit of " + limit + " bytes for "
                + rawPath + "; a record may hold at most 350 KB, so split the data over several records or calls"),
                false);
    }

    /**
     * Collects a body as it arrives, asking Jetty to call back when more is there instead of
     * blocking a thread; exactly one of "answer", "too large" and "timed out" happens. The request
     * timeout (counted from the request's arrival) is scheduled the first time a read finds nothing
     * to read, so a body that is already there costs no timer.
     */
    private final class BodyReader {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final int limit;
        private final AtomicBoolean finished = new AtomicBoolean();
        private ByteArrayOutputStream body;
        private volatile Scheduler.Task timeout;

        BodyReader(Request request, Response response, Callback callback, int limit) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.limit = limit;
        }

        void read() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    startTimeout();
                    request.demand(this::read);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    finish(ApiErrors.render(new ApiException(400, "ValidationError", "the request body could not be"
                            + " read to its end; send it again"), false), true);
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int size = body == null ? 0 : body.size();
                if (size + bytes.remaining() > limit) {
                    chunk.release();
                    finish(tooLarge(request.getHttpURI().getPath(), -1, limit), true);
                    return;
                }
                boolean last = chunk.isLast();
                byte[] whole = last && body == null ? take(bytes) : null;
                if (whole == null) {
                    append(bytes);
                }
                chunk.release();
                if (last) {
                    if (finished.compareAndSet(false, true)) {
                        cancelTimeout();
                        answer(request, whole != null ? whole : body.toByteArray(), response, callback);
                    }
                    return;
                }
            }
        }

        private void append(ByteBuffer bytes) {
            if (body == null) {
                long declared = request.getLength();
                body = new ByteArrayOutputStream(declared > 0 ? (int) declared : Math.max(1024, bytes.remaining()));
            }
            if (bytes.hasArray()) {
                body.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                bytes.position(bytes.limit());
            } else {
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.write(copy, 0, copy.length);
            }
        }

        private void startTimeout() {
            if (timeout == null) {
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
                long left = Math.max(0, limits.requestTimeout().toMillis() - elapsed);
                timeout = scheduler.schedule(this::timedOut, left, TimeUnit.MILLISECONDS);
            }
        }

        private void cancelTimeout() {
            Scheduler.Task task = timeout;
            if (task != null) {
                task.cancel();
            }
        }

        private void timedOut() {
            finish(ApiErrors.render(new ApiException(408, "RequestTimeout", "the request body did not arrive within "
                    + limits.requestTimeout().toSeconds() + " s; the connection is closed"), false), true);
        }

        private void finish(ApiResponse answer, boolean closeAfter) {
            if (finished.compareAndSet(false, true)) {
                cancelTimeout();
                write(answer, response, callback, closeAfter);
            }
        }
    }
}
