package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.ApiTraffic;
import org.featureworkbench.api.HostAccess;
import org.featureworkbench.api.RunningApiServer;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, counting, refusing and stopping, through {@code store.api()}. */
class ServerLifecycleTest {
    @TempDir
    Path tempDir;

    @Test
    void aTakenPortIsNamedWithTheOptionToChangeIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             FeatureStore store = Workspace.open(tempDir)) {
            FeatureStoreException e = assertThrows(FeatureStoreException.class, () -> store.api().start(
                    new ApiServerOptions("127.0.0.1", taken.getLocalPort(), Optional.empty())));
            assertTrue(e.getMessage().startsWith("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    && e.getMessage().contains("--port"), e.getMessage());
            assertTrue(store.api().running().isEmpty());
        }
    }

    @Test
    void trafficCountsRequestsAndErrorsAndStopFreesTheStoreForAnotherStart() throws Exception {
        try (FeatureStore store = Workspace.open(tempDir)) {
            RunningApiServer server = store.api().start(new ApiServerOptions("127.0.0.1", 0, Optional.empty()));
            assertThrows(FeatureStoreException.class, () -> store.api().start(
                    new ApiServerOptions("127.0.0.1", 0, Optional.empty())), "one server per store");
            try (java.net.Socket s = RawHttp.connect(server.endpoint())) {
                s.getOutputStream().write(RawHttp.get("/FeatureGroup/nosuch?RecordIdentifierValueAsString=1")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertEquals(404, RawHttp.read(s.getInputStream()).status());
                s.getOutputStream().write(RawHttp.get("/nowhere").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertEquals(404, RawHttp.read(s.getInputStream()).status());
            }
            ApiTraffic traffic = server.traffic();
            assertEquals(2, traffic.requests());
            assertEquals(2, traffic.errors());
            // what Jetty refuses itself, before our handler sees a request, is counted too
            assertEquals(505, exchange(server, "HELLO THERE\r\n\r\n").status());
            assertEquals(431, exchange(server, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000)
                    + "\r\n\r\n").status());
            traffic = server.traffic();
            assertEquals(4, traffic.requests());
            assertEquals(4, traffic.errors());
            store.api().stop();
            assertTrue(store.api().running().isEmpty());
            RunningApiServer again = store.api().start(new ApiServerOptions("127.0.0.1", 0, Optional.empty()));
            assertEquals(0, again.traffic().requests());
        }
    }

    private static RawHttp.Response exchange(RunningApiServer server, String request) throws java.io.IOException {
        try (java.net.Socket s = RawHttp.connect(server.endpoint())) {
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return RawHttp.read(s.getInputStream());
        }
    }

    @Test
    void aNetworkHostNeedsCredentialsAndGetsAWarningWithThem() {
        FeatureStoreException refused = assertThrows(FeatureStoreException.class, () -> HostAccess.check(
                new ApiServerOptions("0.0.0.0", 0, Optional.empty())));
        assertTrue(refused.getMessage().contains("--credentials"), refused.getMessage());
        Optional<String> warning = HostAccess.check(new ApiServerOptions("0.0.0.0", 0,
                Optional.of(new ApiCredentials("AKIALOCAL", "secret"))));
        assertTrue(warning.orElseThrow().contains("AKIALOCAL") && !warning.get().contains("secret"), warning.get());
        assertEquals(Optional.empty(), HostAccess.check(new ApiServerOptions("localhost", 0, Optional.empty())));
    }
}
