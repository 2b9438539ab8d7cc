package org.featureworkbench.api.runtime;

import static org.featureworkbench.api.runtime.RuntimeHandlerFixture.json;
import static org.featureworkbench.api.runtime.RuntimeHandlerFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /BatchWriteRecord on a real workspace: the response shape, per-entry errors, whole-request errors. */
class BatchWriteRecordHandlerTest {
    @TempDir
    Path workspace;
    FeatureStore store;
    BatchWriteRecordHandler handler;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        RuntimeHandlerFixture.group(store, "users");
        handler = new BatchWriteRecordHandler(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String entry(String group, String id, String n) {
        return "{\"FeatureGroupName\":\"" + group + "\",\"Record\":[{\"FeatureName\":\"id\",\"ValueAsString\":\"" + id
                + "\"},{\"FeatureName\":\"ts\",\"ValueAsString\":\"1700000000\"},{\"FeatureName\":\"n\","
                + "\"ValueAsString\":\"" + n + "\"}]}";
    }

    @Test
    void writesEveryGoodEntryAndEchoesEachFailedOneInRequestOrder() {
        String body = "{\"Entries\":[" + entry("users", "a", "1") + ","
                + "{\"FeatureGroupName\":\"users\",\"Record\":[{\"FeatureName\":\"id\",\"ValueAsStringList\":[\"x\"]}]},"
                + entry("missing-group", "b", "2") + ","
                + entry("arn:aws:sagemaker:us-east-1:123456789012:feature-group/users", "c", "3") + ","
                + entry("users", "d", "four") + "]}";

        ApiResponse response = handler.handle(post("/BatchWriteRecord", body), null);
        JsonNode json = json(response);

        assertEquals(200, response.status());
        assertEquals("application/json", response.contentType());
        JsonNode errors = json.get("Errors");
        assertEquals(3, errors.size(), json.toString());
        assertEquals("ValidationError", errors.get(0).get("ErrorCode").asText());
        assertTrue(errors.get(0).get("ErrorMessage").asText().contains("Entries[1].Record[0].ValueAsStringList is not supported"),
                errors.get(0).toString());
        assertEquals("ResourceNotFound", errors.get(1).get("ErrorCode").asText());
        assertEquals("missing-group", errors.get(1).get("Entry").get("FeatureGroupName").asText());
        assertEquals("ValidationError", errors.get(2).get("ErrorCode").asText());
        assertEquals("four", errors.get(2).get("Entry").get("Record").get(2).get("ValueAsString").asText());
        assertEquals(0, json.get("UnprocessedEntries").size());
        assertEquals(1L, store.records().getRecord("users", "a", null).orElseThrow().value("n"));
        assertEquals(3L, store.records().getRecord("users", "c", null).orElseThrow().value("n"));
        assertTrue(store.records().getRecord("users", "d", null).isEmpty());
    }

    @Test
    void aRequestTtlAndAnEntryTtlAreBothApplied() {
        String now = String.valueOf(System.currentTimeMillis() / 1000);
        String body = "{\"TtlDuration\":{\"Unit\":\"Days\",\"Value\":2},\"Entries\":["
                + entry("users", "a", "1").replace("1700000000", now) + ","
                + entry("users", "b", "2").replace("1700000000", now)
                        .replace("]}", "],\"TtlDuration\":{\"Unit\":\"Hours\",\"Value\":1}}") + "]}";

        JsonNode json = json(handler.handle(post("/BatchWriteRecord", body), null));

        assertEquals(0, json.get("Errors").size(), json.toString());
        long a = store.records().getRecord("users", "a", null).orElseThrow().expiresAt().getEpochSecond();
        long b = store.records().getRecord("users", "b", null).orElseThrow().expiresAt().getEpochSecond();
        assertEquals(Long.parseLong(now) + 2 * 86400, a);
        assertEquals(Long.parseLong(now) + 3600, b);
    }

    @Test
    void malformedRequestsAreRejectedWholeWithValidationError() {
        StringBuilder many = new StringBuilder("{\"Entries\":[");
        for (int i = 0; i < 26; i++) {
            many.append(i == 0 ? "" : ",").append(entry("users", "u" + i, "1"));
        }
        many.append("]}");

        ApiException tooMany = assertThrows(ApiException.class,
                () -> handler.handle(post("/BatchWriteRecord", many.toString()), null));
        ApiException none = assertThrows(ApiException.class,
                () -> handler.handle(post("/BatchWriteRecord", "{\"Entries\":[]}"), null));
        ApiException notJson = assertThrows(ApiException.class,
                () -> handler.handle(post("/BatchWriteRecord", "{\"Entries\":"), null));
        ValidationException badTtl = assertThrows(ValidationException.class, () -> handler.handle(post("/BatchWriteRecord",
                "{\"TtlDuration\":{\"Unit\":\"Fortnights\",\"Value\":1},\"Entries\":[" + entry("users", "a", "1") + "]}"), null));

        assertEquals(400, tooMany.status());
        assertEquals("ValidationError", tooMany.code());
        assertTrue(tooMany.getMessage().contains("1 to 25 entries") && tooMany.getMessage().contains("got 26"),
                tooMany.getMessage());
        assertEquals("ValidationError", none.code());
        assertTrue(notJson.getMessage().contains("malformed JSON"), notJson.getMessage());
        assertTrue(badTtl.getMessage().contains("Fortnights"), badTtl.getMessage());
        assertTrue(store.records().getRecord("users", "a", null).isEmpty());
        assertTrue(store.records().getRecord("users", "u0", null).isEmpty());
    }
}
