package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error arrives in AWS's shape (status, x-amzn-ErrorType, __type and message) over real HTTP. */
class ErrorShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tempDir;
    static LocalEndpoint api;

    @BeforeAll
    static void start() {
        api = new LocalEndpoint(tempDir);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aMissingGroupIsResourceNotFound404() throws Exception {
        HttpResponse<String> get = api.send("GET", "/FeatureGroup/nosuch?RecordIdentifierValueAsString=1", null);
        JsonNode body = assertError(get, 404, "ResourceNotFound", "application/json");
        assertTrue(body.get("message").asText().contains("nosuch"), get.body());
    }

    @Test
    void malformedJsonIsAValidationErrorNamingThePosition() throws Exception {
        HttpResponse<String> put = api.send("PUT", "/FeatureGroup/customers", "{\"Record\": [\n  {\"FeatureName\": }]}");
        JsonNode body = assertError(put, 400, "ValidationError", "application/json");
        assertTrue(body.get("message").asText().contains("line 2, column"), body.get("message").asText());
    }

    @Test
    void aValueTheGroupRejectsIsAValidationErrorInTheStoresWords() throws Exception {
        HttpResponse<String> put = api.put("customers", LocalEndpoint.customer("v1", "2024-01-01T00:00:00Z", 1)
                .replace("\"1\"}]", "\"one\"}]"));
        JsonNode body = assertError(put, 400, "ValidationError", "application/json");
        assertTrue(body.get("message").asText().contains("age"), body.get("message").asText());
    }

    @Test
    void aMissingQueryParameterIsNamed() throws Exception {
        HttpResponse<String> get = api.send("GET", "/FeatureGroup/customers", null);
        JsonNode body = assertError(get, 400, "ValidationError", "application/json");
        assertTrue(body.get("message").asText().contains("RecordIdentifierValueAsString"), get.body());
    }

    @Test
    void anUnknownPathAndAWrongMethodAreClearErrors() throws Exception {
        JsonNode unknown = assertError(api.send("GET", "/nothing/here", null), 404, "UnknownOperationException",
                "application/json");
        assertTrue(unknown.get("message").asText().contains("/FeatureGroup/{name}"), unknown.toString());
        JsonNode method = assertError(api.send("PATCH", "/FeatureGroup/customers", "{}"), 405,
                "UnknownOperationException", "application/json");
        assertTrue(method.get("message").asText().contains("PATCH"), method.toString());
        assertError(api.send("GET", "/BatchGetRecord", null), 405, "UnknownOperationException", "application/json");
    }

    @Test
    void controlPlaneErrorsUseTheJson11ContentType() throws Exception {
        HttpResponse<String> noTarget = api.send("POST", "/", "{}");
        // without X-Amz-Target nothing says the caller speaks JSON 1.1, so the error is plain JSON
        JsonNode missing = assertError(noTarget, 400, "UnknownOperationException", "application/json");
        assertTrue(missing.get("message").asText().contains("X-Amz-Target"), missing.toString());
        HttpResponse<String> unknownOp = api.send(HttpRequest.newBuilder(api.uri("/"))
                .header("X-Amz-Target", "SageMaker.NoSuchOperation")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        JsonNode body = assertError(unknownOp, 400, "UnknownOperationException", "application/x-amz-json-1.1");
        assertTrue(body.get("message").asText().contains("NoSuchOperation"), body.toString());
    }

    @Test
    void everyErrorNamesNoJavaClass() throws Exception {
        for (HttpResponse<String> response : java.util.List.of(
                api.send("PUT", "/FeatureGroup/customers", "[1, 2"),
                api.send("PUT", "/FeatureGroup/customers", "{\"Record\": {\"a\": 1}}"),
                api.send("POST", "/BatchGetRecord", "{\"Identifiers\": [{\"FeatureGroupName\": 3}]}"),
                api.send("DELETE", "/FeatureGroup/customers?RecordIdentifierValueAsString=1&EventTime=yesterday", null))) {
            assertTrue(response.statusCode() >= 400, response.body());
            assertFalse(response.body().matches("(?s).*\\b(java|com\\.fasterxml|org\\.)\\.[a-z]+.*"), response.body());
        }
    }

    static JsonNode assertError(HttpResponse<String> response, int status, String code, String contentType)
            throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, response.headers().firstValue("x-amzn-ErrorType").orElse(null), response.body());
        assertEquals(contentType, response.headers().firstValue("content-type").orElse(null));
        JsonNode body = JSON.readTree(response.body());
        assertEquals(code, body.get("__type").asText());
        assertFalse(body.get("message").asText().isBlank());
        return body;
    }
}
