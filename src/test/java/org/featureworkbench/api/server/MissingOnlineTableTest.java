package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.OnlineTableUnreadableException;
import org.featureworkbench.model.Record;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: "no command reports success while data it should have read is missing". With a
 * group's online table dropped behind the store's back, GetRecord, BatchGetRecord and ListRecords
 * fail and say which group and to run check, then repair — through the facade and through the
 * API (an error, never "not found" or an empty batch), on a real workspace.
 */
class MissingOnlineTableTest {
    @TempDir
    Path workspace;

    @Test
    void readsOfAGroupWhoseOnlineTableIsGoneFailAndSayToCheckThenRepair() throws Exception {
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(Definitions.customers("customers"));
            store.createFeatureGroup(Definitions.customers("intact"));
            for (String group : List.of("customers", "intact")) {
                store.records().putRecord(group, Record.builder().put("customer_id", "c1")
                        .put("event_time", "2030-01-01T00:00:00Z").put("age", "41").build(), Set.of(), null);
            }
            String table = org.featureworkbench.online.H2OnlineStore.tableName(store.describeFeatureGroup("customers"));
            try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(workspace), "fwb", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP TABLE \"" + table + "\"");
            }

            OnlineTableUnreadableException get = assertThrows(OnlineTableUnreadableException.class,
                    () -> store.records().getRecord("customers", "c1", null));
            assertSaysWhatAndWhatToDo(get.getMessage());
            assertEquals("customers", get.groupName());
            // A record never written reads the same way: the table, not the record, is what is missing.
            assertSaysWhatAndWhatToDo(assertThrows(OnlineTableUnreadableException.class,
                    () -> store.records().getRecord("customers", "never-written", null)).getMessage());

            assertSaysWhatAndWhatToDo(assertThrows(OnlineTableUnreadableException.class,
                    () -> store.records().batchGetRecord(List.of(new BatchGetIdentifier("intact", List.of("c1"), null),
                            new BatchGetIdentifier("customers", List.of("c1"), null)))).getMessage());
            assertSaysWhatAndWhatToDo(assertThrows(OnlineTableUnreadableException.class,
                    () -> store.records().listRecords("customers", null, null, false)).getMessage());

            // The other group still reads.
            assertEquals(41L, store.records().getRecord("intact", "c1", null).orElseThrow().values().get("age"));
            assertEquals(1, store.records().batchGetRecord(List.of(new BatchGetIdentifier("intact", List.of("c1"), null)))
                    .records().size());

            ApiRouter router = new ApiRouter(store);
            ApiException api = ApiErrors.classify(assertThrows(RuntimeException.class, () -> router.route(
                    request("GET", "/FeatureGroup/customers", "RecordIdentifierValueAsString=c1", ""))), false, "?");
            assertEquals(500, api.status(), "an error, not 404 ResourceNotFound");
            assertEquals("InternalFailure", api.code());
            assertSaysWhatAndWhatToDo(api.getMessage());
            ApiException batch = ApiErrors.classify(assertThrows(RuntimeException.class, () -> router.route(
                    request("POST", "/BatchGetRecord", "", "{\"Identifiers\":[{\"FeatureGroupName\":\"customers\","
                            + "\"RecordIdentifiersValueAsString\":[\"c1\"]}]}"))), false, "?");
            assertEquals(500, batch.status());
            assertSaysWhatAndWhatToDo(batch.getMessage());
        }
    }

    /**
     * Through the running server, wired as 'serve' wires it: the selector's read of the missing
     * table does not answer (any failure but invalid input goes to the request pool, ADR 0021
     * addendum 3-stall), and the pool answers 500 InternalFailure with the same message (kept
     * over a non-retryable code, ADR 0021 addendum 3-error: the request is valid and the group exists).
     */
    @Test
    void getRecordThroughTheServerIsHandedToThePoolAndAnswersInternalFailure() throws Exception {
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(Definitions.customers("customers"));
            store.records().putRecord("customers", Record.builder().put("customer_id", "c1")
                    .put("event_time", "2030-01-01T00:00:00Z").put("age", "41").build(), Set.of(), null);
            String table = org.featureworkbench.online.H2OnlineStore.tableName(store.describeFeatureGroup("customers"));
            ApiRouter router = new ApiRouter(store);
            try (JettyApiServer server = JettyApiServer.start(new ApiDispatcher(router::route,
                    org.featureworkbench.api.RequestAuthenticator.ACCEPT_ALL, null, router::answersWithoutWaiting,
                    router::routeWithoutWaiting), new org.featureworkbench.api.ApiServerOptions("127.0.0.1", 0,
                    java.util.Optional.empty()), ServerLimits.DEFAULTS, () -> { })) {
                String get = RawHttp.get("/FeatureGroup/customers?RecordIdentifierValueAsString=c1");
                assertEquals(200, exchange(server, get).status());
                long onSelector = server.answeredOnNetworkThread();
                try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(workspace), "fwb", "");
                     Statement s = c.createStatement()) {
                    s.execute("DROP TABLE \"" + table + "\"");
                }

                RawHttp.Response missing = exchange(server, get);

                assertEquals(500, missing.status(), missing.body());
                assertTrue(missing.head().contains("x-amzn-ErrorType: InternalFailure"), missing.head());
                assertSaysWhatAndWhatToDo(missing.body());
                assertEquals(onSelector, server.answeredOnNetworkThread(), "the failure was answered by the pool");
            }
        }
    }

    private static RawHttp.Response exchange(JettyApiServer server, String request) throws java.io.IOException {
        try (java.net.Socket socket = RawHttp.connect(server.endpoint())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return RawHttp.read(socket.getInputStream());
        }
    }

    private static void assertSaysWhatAndWhatToDo(String message) {
        assertTrue(message.contains("the online table of feature group 'customers' is missing"), message);
        assertTrue(message.contains("run 'feature-workbench check'"), message);
        assertTrue(message.contains("then 'feature-workbench repair'"), message);
        assertFalse(message.contains("SELECT") || message.contains("FWB_ONLINE") || message.contains("42102"),
                "no SQL or engine codes: " + message);
    }

    private static ApiRequest request(String method, String path, String query, String body) {
        return new ApiRequest(method, path, query, Map.of("content-type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8), new java.net.InetSocketAddress("127.0.0.1", 50000));
    }
}
