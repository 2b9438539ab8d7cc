package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.RequestAuthenticator;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another session (a CLI {@code group add-features} through this process's H2 server does the
 * same) holds the exclusive lock of one group's online table while it alters it: a GetRecord of
 * that group must not wait on Jetty's selector thread, or every connection on the selector stalls
 * with it (ADR 0021 addendum 3). The lock is held by an ALTER TABLE whose new check constraint
 * waits for the test to release it.
 */
public class GetRecordWhileTableLockedTest {
    private static final String NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    private static volatile CountDownLatch entered = new CountDownLatch(1);
    private static volatile CountDownLatch release = new CountDownLatch(1);

    @TempDir
    Path workspace;
    private FeatureStore store;
    private JettyApiServer server;
    private final Map<String, String> answeredBy = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newFixedThreadPool(2);

    /** The altered column's default, computed per existing row while the table is locked. */
    public static int holdTheLock() throws InterruptedException {
        entered.countDown();
        if (!release.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the table lock");
        }
        return 0;
    }

    @AfterEach
    void stop() {
        release.countDown();
        background.shutdownNow();
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void lockedGroupIsAnsweredFromThePoolWhileOtherGroupsStayOnTheSelector() throws Exception {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        start();
        put("customers", "c1", 41);
        put("others", "o1", 7);
        assertEquals(200, get("customers", "c1").status());
        assertEquals("selector", answeredBy.get("customers"), "a cached group's GetRecord starts on the selector");

        Future<Void> alter = background.submit(() -> {
            lockByAlter("customers");
            return null;
        });
        if (!entered.await(10, TimeUnit.SECONDS)) {
            alter.get(1, TimeUnit.SECONDS); // its failure, if it failed
        }
        assertEquals(0, entered.getCount(), "the ALTER holds the table lock");

        Future<RawHttp.Response> locked = background.submit(() -> get("customers", "c1"));
        Thread.sleep(200); // lets the locked GetRecord reach the store before the other group's
        long start = System.nanoTime();
        RawHttp.Response other = get("others", "o1");
        long otherMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(200, other.status(), other.body());
        assertTrue(other.body().contains("\"7\""), other.body());
        assertTrue(otherMillis < 1_000, "another group's GetRecord waited " + otherMillis + " ms for the lock");
        assertEquals("selector", answeredBy.get("others"), "another group's GetRecord stays on the selector");
        assertTrue(!locked.isDone(), "the locked group's GetRecord waits for the ALTER (on a request thread)");

        release.countDown();
        alter.get(10, TimeUnit.SECONDS);
        RawHttp.Response answer = locked.get(10, TimeUnit.SECONDS);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"41\""), answer.body());
        assertEquals("pool", answeredBy.get("customers"), "the waiting GetRecord was answered by a request thread");

        assertEquals(200, get("customers", "c1").status());
        assertEquals("selector", answeredBy.get("customers"), "once the lock is gone the selector answers again");
    }

    private void start() {
        store = Workspace.open(workspace);
        store.createFeatureGroup(Definitions.customers("customers"));
        store.createFeatureGroup(Definitions.customers("others"));
        ApiRouter router = new ApiRouter(store);
        // wired as ApiOperations wires it for 'serve'
        server = JettyApiServer.start(new ApiDispatcher(r -> noting(r, router.route(r)), RequestAuthenticator.ACCEPT_ALL,
                null, router::answersWithoutWaiting, r -> noting(r, router.routeWithoutWaiting(r))),
                new ApiServerOptions("127.0.0.1", 0, Optional.empty()), ServerLimits.DEFAULTS, () -> { });
    }

    /** Notes which kind of thread gave {@code answer}: only an answer given counts, not a hand-over. */
    private ApiResponse noting(ApiRequest request, ApiResponse answer) {
        if (request.method().equals("GET")) {
            boolean onSelector = java.util.Arrays.stream(Thread.currentThread().getStackTrace())
                    .anyMatch(frame -> frame.getClassName().endsWith(".AdaptiveExecutionStrategy")
                            && frame.getMethodName().equals("pcRunTask"));
            String group = request.rawPath().substring("/FeatureGroup/".length());
            answeredBy.put(group, onSelector ? "selector" : "pool");
        }
        return answer;
    }

    private void lockByAlter(String group) throws SQLException {
        String url = Workspace.jdbcUrl(workspace);
        try (Connection c = DriverManager.getConnection(url, "fwb", ""); Statement s = c.createStatement()) {
            s.execute("CREATE ALIAS IF NOT EXISTS FWB_TEST_HOLD FOR \"" + getClass().getName() + ".holdTheLock\"");
            String table;
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE"
                    + " 'FWB_ONLINE_" + group + "%'")) {
                assertTrue(rs.next(), "the group has an online table");
                table = '"' + rs.getString(1) + '"';
            }
            // Adding a check constraint evaluates it on every existing row, under the table's exclusive lock.
            s.execute("ALTER TABLE " + table + " ADD CONSTRAINT \"held\" CHECK (FWB_TEST_HOLD() = 0)");
        }
    }

    private void put(String group, String id, int age) throws IOException {
        String body = "{\"Record\": " + LocalEndpoint.customer(id, NOW, age) + "}";
        RawHttp.Response put = exchange("PUT /FeatureGroup/" + group + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);
        assertEquals(200, put.status(), put.body());
    }

    private RawHttp.Response get(String group, String id) throws IOException {
        return exchange(RawHttp.get("/FeatureGroup/" + group + "?RecordIdentifierValueAsString=" + id));
    }

    private RawHttp.Response exchange(String request) throws IOException {
        URI endpoint = server.endpoint();
        try (Socket socket = RawHttp.connect(endpoint)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            return RawHttp.read(in);
        }
    }
}
