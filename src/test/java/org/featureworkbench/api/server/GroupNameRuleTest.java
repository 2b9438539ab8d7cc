package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime and the control plane find a group by one rule (api.GroupNames): the exact name,
 * else the one group whose name differs only in case, by name or by ARN; over real HTTP.
 */
class GroupNameRuleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    private static final String UPPER_ARN = "arn:aws:sagemaker:us-east-1:123456789012:feature-group/CUSTOMERS";

    @TempDir
    static Path tempDir;
    static LocalEndpoint api;

    @BeforeAll
    static void start() {
        api = new LocalEndpoint(tempDir);
        api.store.createFeatureGroup(Definitions.customers("Twins"));
        api.store.createFeatureGroup(Definitions.customers("twins"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theRuntimeFindsAGroupByANameOrArnInAnotherCase() throws Exception {
        assertEquals(200, api.put("CUSTOMERS", LocalEndpoint.customer("k1", NOW, 33)).statusCode());
        HttpResponse<String> get = api.send("GET", "/FeatureGroup/" + UPPER_ARN.replace(":", "%3A").replace("/", "%2F")
                + "?RecordIdentifierValueAsString=k1", null);
        assertEquals(200, get.statusCode(), get.body());
        assertEquals("33", JSON.readTree(get.body()).get("Record").get(2).get("ValueAsString").asText());
        assertTrue(api.store.records().getRecord("customers", "k1", null).isPresent(), "stored under 'customers'");

        HttpResponse<String> batch = api.send("POST", "/BatchGetRecord", "{\"Identifiers\": [{\"FeatureGroupName\": \""
                + UPPER_ARN + "\", \"RecordIdentifiersValueAsString\": [\"k1\"]}]}");
        JsonNode records = JSON.readTree(batch.body()).get("Records");
        assertEquals(1, records.size(), batch.body());
    }

    @Test
    void theControlPlaneFindsTheSameGroupsTheSameWay() throws Exception {
        JsonNode byName = JSON.readTree(control("DescribeFeatureGroup", "{\"FeatureGroupName\": \"Customers\"}").body());
        assertEquals("customers", byName.get("FeatureGroupName").asText());
        HttpResponse<String> byArn = control("ListTags", "{\"ResourceArn\": \"" + UPPER_ARN + "\"}");
        assertEquals(200, byArn.statusCode(), byArn.body());
    }

    @Test
    void anExactNameWinsAndANameTwoGroupsMatchIsRefusedByBothPlanes() throws Exception {
        assertEquals(200, api.put("twins", LocalEndpoint.customer("t1", NOW, 1)).statusCode());
        assertEquals("Twins", JSON.readTree(control("DescribeFeatureGroup", "{\"FeatureGroupName\": \"Twins\"}")
                .body()).get("FeatureGroupName").asText());

        HttpResponse<String> runtime = api.put("TWINS", LocalEndpoint.customer("t2", NOW, 2));
        assertEquals(400, runtime.statusCode());
        assertEquals("ValidationError", runtime.headers().firstValue("x-amzn-ErrorType").orElseThrow().split(":")[0]);
        assertTrue(runtime.body().contains("differ only in case"), runtime.body());

        HttpResponse<String> control = control("DescribeFeatureGroup", "{\"FeatureGroupName\": \"TWINS\"}");
        assertEquals(400, control.statusCode());
        assertEquals("ValidationException", JSON.readTree(control.body()).get("__type").asText());
        assertTrue(control.body().contains("'Twins'") && control.body().contains("'twins'"), control.body());
    }

    @Test
    void aGroupNoNameMatchesIsNotFoundInBothPlanes() throws Exception {
        HttpResponse<String> runtime = api.send("GET", "/FeatureGroup/Nobody?RecordIdentifierValueAsString=x", null);
        assertEquals(404, runtime.statusCode());
        assertTrue(runtime.body().contains("'Nobody' does not exist"), runtime.body());
        HttpResponse<String> control = control("DescribeFeatureGroup", "{\"FeatureGroupName\": \"Nobody\"}");
        assertEquals(400, control.statusCode());
        assertTrue(control.body().contains("'Nobody' does not exist"), control.body());
    }

    private static HttpResponse<String> control(String operation, String body) {
        return api.send(HttpRequest.newBuilder(api.uri("/")).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "SageMaker." + operation));
    }
}
