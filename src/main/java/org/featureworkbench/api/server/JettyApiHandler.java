package org.featureworkbench.api.server;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;

/**
 * Adapts Jetty's requests to {@link ApiDispatcher}: reads the body without holding a thread while
 * a client is slow to send it, refuses a body over the limit before reading it (or as soon as it
 * passes the limit, when its length was not declared), and gives up on a body that takes longer
 * than the request timeout. Requests without a body (GetRecord, DeleteRecord) are answered on the
 * thread Jetty called in on, so the common read pays no thread hand-over.
 */
final class JettyApiHandler extends Handler.Abstract {
    private final ApiDispatcher dispatcher;
    private final ServerLimits limits;
    private final TrafficCounter traffic;
    private final Scheduler scheduler;

    JettyApiHandler(ApiDispatcher dispatcher, ServerLimits limits, TrafficCounter traffic, Scheduler scheduler) {
        super(InvocationType.BLOCKING);
        this.dispatcher = dispatcher;
        this.limits = limits;
        this.traffic = traffic;
        this.scheduler = scheduler;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String rawPath = request.getHttpURI().getPath();
        int limit = limits.maxBodyBytes(rawPath);
        long declared = request.getLength();
        if (declared > limit) {
            write(tooLarge(rawPath, declared, limit), response, callback, true);
        } else if (declared == 0) {
            answer(request, new byte[0], response, callback);
        } else {
            new BodyReader(request, response, callback, limit, declared).start();
        }
        return true;
    }

    private void answer(Request request, byte[] body, Response response, Callback callback) {
        write(dispatcher.dispatch(toApiRequest(request, body)), response, callback, false);
    }

    private void write(ApiResponse answer, Response response, Callback callback, boolean closeAfter) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        headers.put("x-amzn-RequestId", requestId());
        answer.headers().forEach(headers::put);
        if (closeAfter) {
            headers.put(HttpHeader.CONNECTION, "close");
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
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>(1)).add(field.getValue());
        }
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        String query = request.getHttpURI().getQuery();
        return new ApiRequest(request.getMethod(), request.getHttpURI().getPath(), query == null ? "" : query,
                headers, body, remote instanceof InetSocketAddress inet ? inet : null);
    }

    private static ApiResponse tooLarge(String rawPath, long size, int limit) {
        return ApiErrors.render(new ApiException(413, "ValidationError", "the request body "
                + (size < 0 ? "exceeds" : "has " + size + " bytes, over") + " the limit of " + limit + " bytes for "
                + rawPath + "; a record may hold at most 350 KB, so split the data over several records or calls"),
                false);
    }

    /**
     * Collects a body as it arrives, asking Jetty to call back when more is there instead of
     * blocking a thread; exactly one of "answer", "too large" and "timed out" happens.
     */
    private final class BodyReader {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final int limit;
        private final ByteArrayOutputStream body;
        private final AtomicBoolean finished = new AtomicBoolean();
        private Scheduler.Task timeout;

        BodyReader(Request request, Response response, Callback callback, int limit, long declared) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.limit = limit;
            this.body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        }

        void start() {
            timeout = scheduler.schedule(this::timedOut, limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            read();
        }

        private void read() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this::read);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    finish(ApiErrors.render(new ApiException(400, "ValidationError", "the request body could not be"
                            + " read to its end; send it again"), false), true);
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                if (body.size() + bytes.remaining() > limit) {
                    chunk.release();
                    finish(tooLarge(request.getHttpURI().getPath(), -1, limit), true);
                    return;
                }
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.write(copy, 0, copy.length);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (finished.compareAndSet(false, true)) {
                        timeout.cancel();
                        answer(request, body.toByteArray(), response, callback);
                    }
                    return;
                }
            }
        }

        private void timedOut() {
            finish(ApiErrors.render(new ApiException(408, "RequestTimeout", "the request body did not arrive within "
                    + limits.requestTimeout().toSeconds() + " s; the connection is closed"), false), true);
        }

        private void finish(ApiResponse answer, boolean closeAfter) {
            if (finished.compareAndSet(false, true)) {
                timeout.cancel();
                write(answer, response, callback, closeAfter);
            }
        }
    }
}
