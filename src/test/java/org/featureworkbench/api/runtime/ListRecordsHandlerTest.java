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
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.ValidationException;
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
            JsonNode page = json(handler.handle(post(PATH, body), group));
            page.get("RecordIdentifiers").forEach(id -> ids.add(id.asText()));
            token = page.has("NextToken") ? page.get("NextToken").asText() : null;
        } while (token != null);
        return ids;
    }

    @Test
    void pagesThroughWithNextTokenAndLeavesSoftDeletedOutUnlessAsked() {
        assertEquals(List.of("a", "c", "d", "e"), walk("users", "\"MaxResults\":2"));
        assertEquals(List.of("a", "b", "c", "d", "e"), walk("users", "\"MaxResults\":2,\"IncludeSoftDeletedRecords\":true"));
    }

    @Test
    void anEmptyBodyListsTheFirstPageAndTheLastPageHasNoNextToken() {
        JsonNode page = json(handler.handle(post(PATH, ""), "users"));

        assertEquals(4, page.get("RecordIdentifiers").size());
        assertFalse(page.has("NextToken"), page.toString());
    }

    @Test
    void badMembersAndUnknownGroupsAreAwsErrors() {
        ApiException notNumber = assertThrows(ApiException.class,
                () -> handler.handle(post(PATH, "{\"MaxResults\":\"ten\"}"), "users"));
        ValidationException tooBig = assertThrows(ValidationException.class,
                () -> handler.handle(post(PATH, "{\"MaxResults\":5000}"), "users"));
        ValidationException badToken = assertThrows(ValidationException.class,
                () -> handler.handle(post(PATH, "{\"NextToken\":\"abc\"}"), "users"));
        ApiException notBoolean = assertThrows(ApiException.class,
                () -> handler.handle(post(PATH, "{\"IncludeSoftDeletedRecords\":\"yes\"}"), "users"));
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> handler.handle(post("/FeatureGroup/nope/ListRecords", "{}"), "nope"));

        // Body members are checked here; page size and token by the store (the server renders both as ValidationError).
        for (ApiException e : List.of(notNumber, notBoolean)) {
            assertEquals(400, e.status(), e.getMessage());
            assertEquals("ValidationError", e.code(), e.getMessage());
        }
        assertTrue(tooBig.getMessage().contains("1 to 1000"), tooBig.getMessage());
        assertEquals("NextToken", badToken.field());
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
    }
}
