package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * Clients that send too much, too slowly or too many at once: each gets a clear answer or is
 * closed, everyone else keeps being served, and what is stored stays intact. The server runs with
 * a one-second request timeout so the slow cases take seconds.
 */
class HostileClientsTest {
    private static final ServerLimits QUICK = new ServerLimits(64 * 1024, 128 * 1024, Duration.ofSeconds(1),
            Duration.ofSeconds(20), 8, Duration.ofSeconds(5));
    private static final String SAVED = "/FeatureGroup/customers?RecordIdentifierValueAsString=kept";

    @TempDir
    static Path tempDir;
    static FeatureStore store;
    static JettyApiServer server;
    static URI endpoint;

    @BeforeAll
    static void start() throws IOException {
        store = Workspace.open(tempDir);
        store.createFeatureGroup(Definitions.customers("customers"));
        // as 'serve' runs it: GetRecords of this process's own database on the network thread
        ApiRouter router = new ApiRouter(store);
        server = JettyApiServer.start(new ApiDispatcher(router::route, RequestAuthenticator.ACCEPT_ALL, null,
                router::answersWithoutWaiting), new ApiServerOptions("127.0.0.1", 0, Optional.empty()), QUICK, () -> { });
        endpoint = server.endpoint();
        String put = "{\"Record\": " + LocalEndpoint.customer("kept", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), 42) + "}";
        assertEquals(200, exchange("PUT /FeatureGroup/customers HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + put.length() + "\r\n\r\n" + put).status());
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void aBodyOverTheDeclaredLimitIsRefusedUnread() throws IOException {
        try (Socket socket = RawHttp.connect(endpoint)) {
            OutputStream out = socket.getOutputStream();
            // only the headers are sent: the answer must not wait for the 10 MB it announces
            out.write(("PUT /FeatureGroup/customers HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            RawHttp.Response response = RawHttp.read(socket.getInputStream());
            assertEquals(413, response.status(), response.body());
            assertTrue(response.body().contains("\"ValidationError\"") && response.body().contains("limit of 65536"),
                    response.body());
        }
        assertStoredRecordIntact();
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws IOException {
        try (Socket socket = RawHttp.connect(endpoint)) {
            OutputStream out = socket.getOutputStream();
            out.write("PUT /FeatureGroup/customers HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("8000\r\n" + "x".repeat(0x8000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            RawHttp.Response response = null;
            for (int i = 0; i < 4 && response == null; i++) {
                out.write(chunk);
                out.flush();
                if (socket.getInputStream().available() > 0 || i == 3) {
                    response = RawHttp.read(socket.getInputStream());
                }
            }
            assertEquals(413, response.status(), response.body());
        }
        assertStoredRecordIntact();
    }

    @Test
    void aClientTricklingItsHeadersIsClosedWhileOthersAreServed() throws Exception {
        try (Socket slow = RawHttp.connect(endpoint)) {
            OutputStream out = slow.getOutputStream();
            byte[] request = RawHttp.get(SAVED).getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < request.length - 2 && !closed; i++) {
                try {
                    out.write(request[i]);
                    out.flush();
                } catch (IOException e) {
                    closed = true;
                }
                // another client is served between two bytes of the slow one
                assertEquals(200, exchange(RawHttp.get(SAVED)).status());
                closed |= Duration.ofNanos(System.nanoTime() - start).toMillis() > 4000;
                Thread.sleep(100);
            }
            slow.setSoTimeout(3000);
            InputStream in = slow.getInputStream();
            // closed: a read ends (408 or end of stream) well before 3 s of silence
            assertTrue(readsToEnd(in), "the slow client's connection was not closed");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 6000);
        }
    }

    @Test
    void aClientTricklingItsBodyGetsRequestTimeout() throws Exception {
        try (Socket slow = RawHttp.connect(endpoint)) {
            OutputStream out = slow.getOutputStream();
            out.write("PUT /FeatureGroup/customers HTTP/1.1\r\nHost: x\r\nContent-Length: 200\r\n\r\n{"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            RawHttp.Response response = RawHttp.read(slow.getInputStream());
            assertEquals(408, response.status(), response.body());
            assertTrue(response.body().contains("RequestTimeout"), response.body());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3000);
        }
        assertStoredRecordIntact();
    }

    @Test
    void aThousandConcurrentConnectionsAreAllAnswered() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        int answered = 0;
        int refused = 0;
        try {
            for (int i = 0; i < 1000; i++) {
                try {
                    Socket socket = RawHttp.connect(endpoint);
                    sockets.add(socket);
                    socket.getOutputStream().write(RawHttp.get(SAVED).getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    refused++;
                }
            }
            for (Socket socket : sockets) {
                try {
                    assertEquals(200, RawHttp.read(new java.io.BufferedInputStream(socket.getInputStream())).status());
                    answered++;
                } catch (IOException e) {
                    refused++;
                }
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertEquals(1000, answered + refused);
        assertTrue(answered >= 990, answered + " of 1000 answered, " + refused + " refused");
        assertStoredRecordIntact();
    }

    @Test
    void aLargeRecordArrivingInPiecesIsStoredWhole() throws Exception {
        store.createFeatureGroup(new org.featureworkbench.model.FeatureGroupDefinition("notes", "id", "t",
                List.of(new org.featureworkbench.model.FeatureDefinition("id", org.featureworkbench.model.FeatureType.STRING),
                        new org.featureworkbench.model.FeatureDefinition("t", org.featureworkbench.model.FeatureType.STRING),
                        new org.featureworkbench.model.FeatureDefinition("text", org.featureworkbench.model.FeatureType.STRING)),
                "", java.util.Map.of(), new org.featureworkbench.model.OnlineStoreConfig(true, null),
                org.featureworkbench.model.OfflineStoreConfig.ENABLED));
        String text = "abcdefghij".repeat(5_000);
        String body = "{\"Record\": [{\"FeatureName\": \"id\", \"ValueAsString\": \"n1\"}, {\"FeatureName\": \"t\","
                + " \"ValueAsString\": \"" + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "\"}, {\"FeatureName\": \"text\", \"ValueAsString\": \"" + text + "\"}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = RawHttp.connect(endpoint)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /FeatureGroup/notes HTTP/1.1\r\nHost: x\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // four pieces with pauses: the server must wait for more rather than take the first piece as the body
            int piece = bytes.length / 4 + 1;
            for (int from = 0; from < bytes.length; from += piece) {
                out.write(bytes, from, Math.min(piece, bytes.length - from));
                out.flush();
                Thread.sleep(50);
            }
            RawHttp.Response response = RawHttp.read(socket.getInputStream());
            assertEquals(200, response.status(), response.body());
        }
        RawHttp.Response get = exchange(RawHttp.get("/FeatureGroup/notes?RecordIdentifierValueAsString=n1&FeatureName=text"));
        assertTrue(get.body().contains(text), "the 50 KB value came back whole");
    }

    @Test
    void garbageInsteadOfHttpGetsAValidationError() throws IOException {
        RawHttp.Response response = exchange("HELLO THERE\r\n\r\n");
        // Jetty picks the status (505 for this one); the body is still AWS's shape
        assertTrue(response.status() >= 400 && response.status() < 600, response.head());
        assertTrue(response.body().contains("ValidationError"), response.body());
        assertStoredRecordIntact();
    }

    private static boolean readsToEnd(InputStream in) {
        try {
            while (in.read() >= 0) {
                // drain a 408 answer, if any, up to the close
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static RawHttp.Response exchange(String request) throws IOException {
        try (Socket socket = RawHttp.connect(endpoint)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return RawHttp.read(socket.getInputStream());
        }
    }

    private static void assertStoredRecordIntact() throws IOException {
        RawHttp.Response get = exchange(RawHttp.get(SAVED));
        assertEquals(200, get.status());
        assertTrue(get.body().contains("\"42\""), get.body());
        assertEquals(1, store.records().stats("customers").onlineRecords(), "nothing else was stored");
    }
}
