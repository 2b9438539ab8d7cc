package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.RequestAuthenticator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server: connections between requests are closed at once instead of waiting out
 * Jetty's shutdown idle timeout, while a request in flight still gets its answer. The router is a
 * stand-in whose {@code /slow} path waits for the test, so "in flight" lasts as long as needed.
 */
class ServerStopTest {
    /** Jetty's graceful stop waited ~2 s (its grace) whenever an SDK left an idle keep-alive connection. */
    private static final long GRACE_MILLIS = 2000;

    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final JettyApiServer server = JettyApiServer.start(new ApiDispatcher(request -> {
        if (request.rawPath().equals("/slow")) {
            slowEntered.countDown();
            try {
                releaseSlow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ApiResponse.json(200, "application/json", "{\"path\": \"" + request.rawPath() + "\"}");
    }, RequestAuthenticator.ACCEPT_ALL, null), new ApiServerOptions("127.0.0.1", 0, Optional.empty()),
            ServerLimits.DEFAULTS, () -> { });

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        server.close();
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAtOnceAndStopDoesNotWaitForTheGrace() throws Exception {
        try (Socket idle = RawHttp.connect(server.endpoint())) {
            assertEquals(200, exchange(idle, "/quick").status());
            long begin = System.nanoTime();
            server.close();
            long tookMillis = Duration.ofNanos(System.nanoTime() - begin).toMillis();
            assertEquals(-1, idle.getInputStream().read(), "the server closed the idle connection");
            assertTrue(tookMillis < GRACE_MILLIS / 2, "stop took " + tookMillis + " ms with an idle connection open");
        }
    }

    @Test
    void aRequestInFlightIsAnsweredBeforeStopReturnsAndItsConnectionThenClosed() throws Exception {
        try (Socket idle = RawHttp.connect(server.endpoint()); Socket busy = RawHttp.connect(server.endpoint())) {
            assertEquals(200, exchange(idle, "/quick").status());
            busy.getOutputStream().write(RawHttp.get("/slow").getBytes(StandardCharsets.US_ASCII));
            assertTrue(slowEntered.await(5, TimeUnit.SECONDS), "the slow request reached the router");
            Thread stopping = new Thread(server::close, "stopping");
            long begin = System.nanoTime();
            stopping.start();
            assertEquals(-1, idle.getInputStream().read(), "the idle connection is closed while /slow is in flight");
            assertTrue(stopping.isAlive(), "stop waits for the request in flight");
            releaseSlow.countDown();
            RawHttp.Response answer = RawHttp.read(busy.getInputStream());
            assertEquals(200, answer.status(), answer.head());
            assertTrue(answer.body().contains("/slow"), answer.body());
            assertTrue(answer.head().toLowerCase(Locale.ROOT).contains("connection: close"), answer.head());
            assertEquals(-1, busy.getInputStream().read(), "its connection is closed once the answer is out");
            stopping.join(GRACE_MILLIS * 2);
            long tookMillis = Duration.ofNanos(System.nanoTime() - begin).toMillis();
            assertTrue(!stopping.isAlive() && tookMillis < GRACE_MILLIS, "stop took " + tookMillis + " ms");
        }
    }

    private static RawHttp.Response exchange(Socket socket, String path) throws IOException {
        socket.getOutputStream().write(RawHttp.get(path).getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        return RawHttp.read(in);
    }
}
