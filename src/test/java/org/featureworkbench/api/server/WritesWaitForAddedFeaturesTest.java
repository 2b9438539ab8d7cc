package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.RequestAuthenticator;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.Record;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.testing.OnlineTableBehindTheStore;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While features are added, H2 copies the group's online table and writes of the group are
 * refused (ADR 0021 addendum 7). Through the endpoint they wait for the copy instead, holding no
 * request thread (addendum 8). The state "the catalog has the feature, the table not yet" is made
 * here by dropping the new column behind the store's back, and the copy's end by adding it again.
 */
class WritesWaitForAddedFeaturesTest {
    @TempDir
    Path workspace;
    private FeatureStore store;
    private JettyApiServer server;
    private URI endpoint;
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        clients.shutdownNow();
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aPutWaitsForTheNewColumnsThenIsStoredWithTheNewFeature() throws Exception {
        // an idle timeout shorter than the wait: a waiting request must not be cut off by it
        start(new ServerLimits(64 * 1024, 128 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(1), 4,
                Duration.ofSeconds(20)));
        // more waiting puts than the server has request threads (4 + Jetty's 4)
        List<Future<RawHttp.Response>> puts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String time = "2030-02-01T00:00:" + String.format("%02d", i) + "Z";
            int age = 60 + i;
            puts.add(clients.submit(() -> send(putRequest("customers", "c1", time, age, "gold" + age))));
        }
        awaitWaiting(12);
        Thread.sleep(1200); // past the 1 s idle timeout, which must not cut a waiting request off
        for (Future<RawHttp.Response> put : puts) {
            assertFalse(put.isDone(), () -> "a put answered while the table still lacked the column: " + answerOf(put));
        }
        assertEquals(41L, age("c1"), "nothing written while they wait");
        // the request threads are free meanwhile: a put of another group (a request thread's work) is answered
        assertEquals(200, send(putRequest("others", "o1", "2030-02-01T00:00:00Z", 7, "x")).status());

        addSegmentColumnBack();
        for (Future<RawHttp.Response> put : puts) {
            RawHttp.Response answered = put.get(10, TimeUnit.SECONDS);
            assertEquals(200, answered.status(), answered.body());
        }
        Record stored = store.records().getRecord("customers", "c1", null).orElseThrow().toRecord();
        assertEquals("71", stored.value("age"), "the latest of the waiting puts won: " + stored);
        assertEquals("gold71", stored.value("segment"), stored.toString());
        assertEquals(0, server.waitingForGroupChanges());
    }

    @Test
    void aPutThatWaitedItsLimitIsServiceUnavailableAndChangesNothing() throws Exception {
        start(new ServerLimits(64 * 1024, 128 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(30), 4,
                Duration.ofSeconds(1)));
        long start = System.nanoTime();
        RawHttp.Response answered = send(putRequest("customers", "c1", "2030-02-01T00:00:00Z", 42, "gold"));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(503, answered.status(), answered.body());
        assertTrue(answered.body().contains("\"ServiceUnavailable\"")
                && answered.body().contains("features are being added to feature group 'customers'"), answered.body());
        assertTrue(waitedMs >= 500 && waitedMs < 5000, "waited " + waitedMs + " ms for a 1 s limit");
        assertEquals(41L, age("c1"));
        assertEquals(0, server.waitingForGroupChanges());
    }

    @Test
    void closingTheServerAnswersWaitingRequestsAtOnce() throws Exception {
        start(new ServerLimits(64 * 1024, 128 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(30), 4,
                Duration.ofSeconds(20)));
        List<Future<RawHttp.Response>> puts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int age = 50 + i;
            puts.add(clients.submit(() -> send(putRequest("customers", "c1", "2030-02-01T00:00:00Z", age, "gold"))));
        }
        awaitWaiting(6);

        long start = System.nanoTime();
        server.close();
        for (Future<RawHttp.Response> put : puts) {
            RawHttp.Response answered = put.get(10, TimeUnit.SECONDS);
            assertEquals(503, answered.status(), answered.body());
            assertTrue(answered.body().contains("shutting down"), answered.body());
        }
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5000, "answered when the server closed");
        assertEquals(41L, age("c1"));
    }

    private void start(ServerLimits limits) throws Exception {
        store = Workspace.open(workspace);
        store.createFeatureGroup(Definitions.customers("customers"));
        store.createFeatureGroup(Definitions.customers("others"));
        store.records().putRecord("customers", Record.builder().put("customer_id", "c1")
                .put("event_time", "2030-01-01T00:00:00Z").put("age", "41").build(), Set.of(), null);
        store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.STRING)));
        OnlineTableBehindTheStore.alter(workspace, OnlineTableBehindTheStore.of(store, "customers"),
                "DROP COLUMN \"segment\"");
        ApiRouter router = new ApiRouter(store);
        server = JettyApiServer.start(new ApiDispatcher(router::route, RequestAuthenticator.ACCEPT_ALL, null,
                router::answersWithoutWaiting), new ApiServerOptions("127.0.0.1", 0, Optional.empty()), limits, () -> { });
        endpoint = server.endpoint();
    }

    private void addSegmentColumnBack() {
        OnlineTableBehindTheStore.alter(workspace, OnlineTableBehindTheStore.of(store, "customers"),
                "ADD COLUMN \"segment\" VARCHAR");
    }

    private long age(String id) {
        return ((Number) store.records().getRecord("customers", id, null).orElseThrow().value("age")).longValue();
    }

    private void awaitWaiting(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.waitingForGroupChanges() < requests && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(requests, server.waitingForGroupChanges(), "requests waiting for the group");
    }

    private static String putRequest(String group, String id, String time, int age, String segment) {
        String record = LocalEndpoint.customer(id, time, age);
        String body = "{\"Record\": " + (group.equals("customers") ? record.substring(0, record.length() - 1)
                + ", {\"FeatureName\": \"segment\", \"ValueAsString\": \"" + segment + "\"}]" : record) + "}";
        return "PUT /FeatureGroup/" + group + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private RawHttp.Response send(String request) throws IOException {
        try (Socket socket = RawHttp.connect(endpoint)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return RawHttp.read(socket.getInputStream());
        }
    }

    private static String answerOf(Future<RawHttp.Response> done) {
        try {
            RawHttp.Response r = done.get();
            return r.status() + " " + r.body();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
