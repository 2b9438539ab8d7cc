package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.RequestAuthenticator;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GetRecord answered on Jetty's network thread (this process opened the database file, the
 * group is cached) against the same requests handed to the request threads: the same answers,
 * and only GetRecords that cannot wait take the short path.
 */
class NetworkThreadAnswersTest {
    private static final List<String> GETS = List.of(
            "/FeatureGroup/customers?RecordIdentifierValueAsString=c1",
            "/FeatureGroup/customers?RecordIdentifierValueAsString=c2&FeatureName=age",
            "/FeatureGroup/customers?RecordIdentifierValueAsString=c1&ExpirationTimeResponse=Enabled",
            "/FeatureGroup/customers?RecordIdentifierValueAsString=missing",
            "/FeatureGroup/customers?RecordIdentifierValueAsString=c1&FeatureName=no_such_feature",
            "/FeatureGroup/customers");

    /** The group keeps records 7 days: an event time of now keeps them readable. */
    private static final String NOW = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString();

    @TempDir
    static Path tempDir;
    static FeatureStore store;
    static JettyApiServer inline;
    static JettyApiServer pooled;
    /**
     * Per server, whether the last GetRecord was routed by the selector thread itself: Jetty's
     * execution strategy running a task in its produce-consume mode ({@code pcRunTask}), which it
     * does only for a non-blocking task, on the thread that selected it.
     */
    static final java.util.Map<String, Boolean> routedOnSelector = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        store = Workspace.open(tempDir);
        store.createFeatureGroup(Definitions.customers("customers"));
        ApiRouter router = new ApiRouter(store);
        ApiServerOptions anyPort = new ApiServerOptions("127.0.0.1", 0, Optional.empty());
        inline = JettyApiServer.start(new ApiDispatcher(r -> noting("inline", r, router), RequestAuthenticator.ACCEPT_ALL,
                null, router::answersWithoutWaiting), anyPort, ServerLimits.DEFAULTS, () -> { });
        pooled = JettyApiServer.start(new ApiDispatcher(r -> noting("pooled", r, router), RequestAuthenticator.ACCEPT_ALL,
                null), anyPort, ServerLimits.DEFAULTS, () -> { });
    }

    private static org.featureworkbench.api.ApiResponse noting(String server, org.featureworkbench.api.ApiRequest request,
                                                               ApiRouter router) {
        if (request.method().equals("GET")) {
            routedOnSelector.put(server, java.util.Arrays.stream(Thread.currentThread().getStackTrace())
                    .anyMatch(frame -> frame.getClassName().endsWith(".AdaptiveExecutionStrategy")
                            && frame.getMethodName().equals("pcRunTask")));
        }
        return router.route(request);
    }

    @AfterAll
    static void stop() {
        inline.close();
        pooled.close();
        store.close();
    }

    @Test
    void getRecordOnTheNetworkThreadAnswersTheSameBytesAsOnARequestThread() throws IOException {
        put(inline.endpoint(), "c1", 41);
        put(pooled.endpoint(), "c2", 42);
        assertTrue(store.records().readsWithoutWaiting("customers"), "this process opened the database itself");
        long before = inline.answeredOnNetworkThread();
        for (String get : GETS) {
            RawHttp.Response fast = exchange(inline.endpoint(), RawHttp.get(get));
            RawHttp.Response slow = exchange(pooled.endpoint(), RawHttp.get(get));
            assertEquals(slow.status(), fast.status(), get);
            assertEquals(slow.body(), fast.body(), get);
            assertEquals(withoutRequestId(slow.head()), withoutRequestId(fast.head()), get);
            assertEquals(Boolean.TRUE, routedOnSelector.get("inline"), "answered within Jetty's selector: " + get);
            assertEquals(Boolean.FALSE, routedOnSelector.get("pooled"), "answered on a request thread: " + get);
        }
        assertTrue(exchange(inline.endpoint(), RawHttp.get(GETS.get(0))).body().contains("\"41\""));
        assertEquals(GETS.size() + 1, inline.answeredOnNetworkThread() - before, "every GetRecord took the short path");
        assertEquals(0, pooled.answeredOnNetworkThread(), "a dispatcher without the check never does");
    }

    @Test
    void writesOtherReadsAndUncachedGroupsGoToTheRequestThreads() throws IOException {
        long before = inline.answeredOnNetworkThread();
        put(inline.endpoint(), "w1", 7);
        String batch = "{\"Identifiers\": [{\"FeatureGroupName\": \"customers\", \"RecordIdentifiersValueAsString\": [\"w1\"]}]}";
        RawHttp.Response batchGet = exchange(inline.endpoint(), "POST /BatchGetRecord HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: " + batch.length() + "\r\n\r\n" + batch);
        assertEquals(200, batchGet.status(), batchGet.body());
        assertEquals(404, exchange(inline.endpoint(),
                RawHttp.get("/FeatureGroup/nosuch?RecordIdentifierValueAsString=x")).status());
        assertEquals(200, exchange(inline.endpoint(), "POST /FeatureGroup/customers/ListRecords HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 2\r\n\r\n{}").status());
        assertEquals(200, exchange(inline.endpoint(), "DELETE /FeatureGroup/customers?RecordIdentifierValueAsString=w1"
                + "&EventTime=2030-01-01T00:00:00Z HTTP/1.1\r\nHost: x\r\n\r\n").status());
        assertFalse(store.records().readsWithoutWaiting("nosuch"), "a group that is not cached may read the catalog");
        assertEquals(0, inline.answeredOnNetworkThread() - before);
    }

    @Test
    void keepAliveConnectionMixesBothPathsInOrder() throws IOException {
        put(inline.endpoint(), "k1", 9);
        try (Socket socket = RawHttp.connect(inline.endpoint())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String record = "{\"Record\": " + LocalEndpoint.customer("k2", NOW, 10) + "}";
            // pipelined: a GetRecord on the network thread, a PutRecord on a request thread, a GetRecord again
            out.write((RawHttp.get("/FeatureGroup/customers?RecordIdentifierValueAsString=k1")
                    + "PUT /FeatureGroup/customers HTTP/1.1\r\nHost: x\r\nContent-Length: " + record.length() + "\r\n\r\n"
                    + record + RawHttp.get("/FeatureGroup/customers?RecordIdentifierValueAsString=k2"))
                    .getBytes(StandardCharsets.UTF_8));
            RawHttp.Response first = RawHttp.read(in);
            RawHttp.Response second = RawHttp.read(in);
            RawHttp.Response third = RawHttp.read(in);
            assertTrue(first.body().contains("\"9\""), first.body());
            assertEquals(200, second.status(), second.body());
            assertTrue(third.body().contains("\"10\""), third.body());
        }
    }

    private static void put(URI endpoint, String id, int age) throws IOException {
        String body = "{\"Record\": " + LocalEndpoint.customer(id, NOW, age) + "}";
        RawHttp.Response put = exchange(endpoint, "PUT /FeatureGroup/customers HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);
        assertEquals(200, put.status(), put.body());
    }

    private static String withoutRequestId(String head) {
        return head.replaceAll("(?im)^x-amzn-RequestId: .*$", "").replaceAll("(?im)^Date: .*$", "");
    }

    private static RawHttp.Response exchange(URI endpoint, String request) throws IOException {
        try (Socket socket = RawHttp.connect(endpoint)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return RawHttp.read(socket.getInputStream());
        }
    }
}
