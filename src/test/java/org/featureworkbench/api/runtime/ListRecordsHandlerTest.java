package org.featureworkbench.api.runtime;

import static org.featureworkbench.api.runtime.RuntimeHandlerFixture.json;
import static org.featureworkbench.api.runtime.RuntimeHandlerFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.Record;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /FeatureGroup/{name}/ListRecords on a real workspace: body members, the response shape, errors. */
class ListRecordsHandlerTest {
    private static final String PATH = "/FeatureGroup/users/ListRecords";

    @TempDir
    Path workspace;
    FeatureStore store;
    ListRecordsHandler handler;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        RuntimeHandlerFixture.group(store, "users");
        for (String id : List.of("c", "a", "e", "b", "d")) {
            store.records().putRecord("users", Record.builder().put("id", id).put("ts", "1700000000").build(),
                    Set.of(), null);
        }
        store.records().deleteRecord("users", "b", "1700000001", DeletionMode.SOFT_DELETE, Set.of());
        handler = new ListRecordsHandler(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> walk(String group, String members) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String body = "{" + members + (token == null ? "" : ",\"NextToken\":\"" + token + "\"") + "}";
            JsonNode page = json(handler.handle(group, post(PATH, body)));
            page.get("RecordIdentifiers").forEach(id -> ids.add(id.asText()));
            token = page.has("NextToken") ? page.get("NextToken").asText() : null;
        } while (token != null);
        return ids;
    }

    @Test
    void pagesThroughWithNextTokenAndLeavesSoftDeletedOutUnlessAsked() {
        assertEquals(List.of("a", "c", "d", "e"), walk("users", "\"MaxResults\":2"));
        assertEquals(List.of("a", "b", "c", "d", "e"), walk("users", "\"MaxResults\":2,\"IncludeSoftDeletedRecords\":true"));
        assertEquals(List.of("a", "c", "d", "e"),
                walk("arn:aws:sagemaker:us-east-1:123456789012:feature-group/users", "\"MaxResults\":3"));
    }

    @Test
    void anEmptyBodyListsTheFirstPageAndTheLastPageHasNoNextToken() {
        JsonNode page = json(handler.handle("users", post(PATH, "")));

        assertEquals(4, page.get("RecordIdentifiers").size());
        assertFalse(page.has("NextToken"), page.toString());
    }

    @Test
    void badMembersAndUnknownGroupsAreAwsErrors() {
        ApiException notNumber = assertThrows(ApiException.class,
                () -> handler.handle("users", post(PATH, "{\"MaxResults\":\"ten\"}")));
        ApiException tooBig = assertThrows(ApiException.class,
                () -> handler.handle("users", post(PATH, "{\"MaxResults\":5000}")));
        ApiException badToken = assertThrows(ApiException.class,
                () -> handler.handle("users", post(PATH, "{\"NextToken\":\"abc\"}")));
        ApiException notBoolean = assertThrows(ApiException.class,
                () -> handler.handle("users", post(PATH, "{\"IncludeSoftDeletedRecords\":\"yes\"}")));
        ApiException missing = assertThrows(ApiException.class,
                () -> handler.handle("nope", post("/FeatureGroup/nope/ListRecords", "{}")));

        for (ApiException e : List.of(notNumber, tooBig, badToken, notBoolean)) {
            assertEquals(400, e.status(), e.getMessage());
            assertEquals("ValidationError", e.code(), e.getMessage());
        }
        assertTrue(tooBig.getMessage().contains("1 to 1000"), tooBig.getMessage());
        assertEquals(404, missing.status());
        assertEquals("ResourceNotFound", missing.code());
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
    }
}
