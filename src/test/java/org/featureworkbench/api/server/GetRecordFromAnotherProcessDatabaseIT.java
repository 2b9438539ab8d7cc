package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.RequestAuthenticator;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While another process owns the workspace database, each lookup is a round trip to that
 * process: GetRecord must then be handed to a request thread (never answered on the network
 * thread), and still be answered. Once the owner exits and this process opens the file itself,
 * GetRecord takes the network thread again.
 */
class GetRecordFromAnotherProcessDatabaseIT {
    private static final String GET = "/FeatureGroup/customers?RecordIdentifierValueAsString=c1";

    @TempDir
    Path workspace;

    @Test
    void getRecordGoesToTheRequestThreadsWhileAnotherProcessOwnsTheDatabase() throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                WorkspaceOwnerChild.class.getName(), workspace.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader ownerOut = new BufferedReader(new InputStreamReader(owner.getInputStream(),
                    StandardCharsets.UTF_8));
            awaitLine(ownerOut, "OPEN");
            try (FeatureStore store = Workspace.open(workspace)) {
                store.createFeatureGroup(Definitions.customers("customers"));
                ApiRouter router = new ApiRouter(store);
                JettyApiServer server = JettyApiServer.start(new ApiDispatcher(router::route,
                        RequestAuthenticator.ACCEPT_ALL, null, router::answersWithoutWaiting),
                        new ApiServerOptions("127.0.0.1", 0, Optional.empty()), ServerLimits.DEFAULTS, () -> { });
                try {
                    String record = "{\"Record\": " + LocalEndpoint.customer("c1",
                            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), 33) + "}";
                    assertEquals(200, exchange(server, "PUT /FeatureGroup/customers HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Length: " + record.length() + "\r\n\r\n" + record).status());

                    assertFalse(store.records().readsWithoutWaiting("customers"),
                            "the database is the other process's: a lookup may wait for it");
                    for (int i = 0; i < 20; i++) {
                        RawHttp.Response get = exchange(server, RawHttp.get(GET));
                        assertEquals(200, get.status(), get.body());
                        assertTrue(get.body().contains("\"33\""), get.body());
                    }
                    assertEquals(0, server.answeredOnNetworkThread(), "every GetRecord went to a request thread");

                    owner.getOutputStream().close();
                    awaitLine(ownerOut, "CLOSED");
                    assertTrue(owner.waitFor(30, TimeUnit.SECONDS), "the owner exited");
                    // the first lookups follow the database to this process (ADR 0016), on a request thread
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (server.answeredOnNetworkThread() == 0 && System.nanoTime() < deadline) {
                        RawHttp.Response get = exchange(server, RawHttp.get(GET));
                        assertEquals(200, get.status(), get.body());
                        assertTrue(get.body().contains("\"33\""), get.body());
                    }
                    assertTrue(store.records().readsWithoutWaiting("customers"), "this process now owns the file");
                    assertTrue(server.answeredOnNetworkThread() > 0, "GetRecord is answered on the network thread again");
                } finally {
                    server.close();
                }
            }
        } finally {
            owner.destroyForcibly();
            owner.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitLine(BufferedReader in, String expected) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals(expected)) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the owner process ended without printing " + expected + ":\n" + seen);
    }

    private static RawHttp.Response exchange(JettyApiServer server, String request) throws IOException {
        try (Socket socket = RawHttp.connect(server.endpoint())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return RawHttp.read(socket.getInputStream());
        }
    }
}
