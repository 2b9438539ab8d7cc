package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each Feature Store Runtime operation over real HTTP against a started server on a real workspace. */
class RuntimeOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    @TempDir
    Path tempDir;
    LocalEndpoint api;

    @BeforeEach
    void start() {
        api = new LocalEndpoint(tempDir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void putRecordAnswersEmpty200AndGetRecordReturnsIt() throws Exception {
        HttpResponse<String> put = api.put("customers", LocalEndpoint.customer("c1", NOW, 41));
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("", put.body());

        HttpResponse<String> get = api.send("GET", "/FeatureGroup/customers?RecordIdentifierValueAsString=c1", null);
        assertEquals(200, get.statusCode(), get.body());
        JsonNode record = JSON.readTree(get.body()).get("Record");
        assertEquals("c1", record.get(0).get("ValueAsString").asText());
        assertEquals("age", record.get(2).get("FeatureName").asText());
        assertEquals("41", record.get(2).get("ValueAsString").asText());
        assertTrue(get.headers().firstValue("x-amzn-RequestId").isPresent());
    }

    @Test
    void getRecordProjectsRepeatedFeatureNamesAndReportsExpiry() throws Exception {
        api.put("customers", LocalEndpoint.customer("c1", NOW, 41));
        HttpResponse<String> get = api.send("GET", "/FeatureGroup/customers?RecordIdentifierValueAsString=c1"
                + "&FeatureName=age&FeatureName=customer_id&ExpirationTimeResponse=Enabled", null);
        JsonNode body = JSON.readTree(get.body());
        assertEquals(2, body.get("Record").size(), get.body());
        assertEquals("age", body.get("Record").get(0).get("FeatureName").asText());
        // customers has a 7-day TTL, so the record expires a week after its event time
        assertEquals(Instant.parse(NOW).plus(7, ChronoUnit.DAYS), Instant.parse(body.get("ExpiresAt").asText()));
    }

    @Test
    void getRecordOfAMissingRecordIsAnEmptyObject() throws Exception {
        HttpResponse<String> get = api.send("GET", "/FeatureGroup/customers?RecordIdentifierValueAsString=nobody", null);
        assertEquals(200, get.statusCode());
        assertFalse(JSON.readTree(get.body()).has("Record"), get.body());
    }

    @Test
    void aGroupArnInThePathNamesTheGroup() throws Exception {
        api.put("arn:aws:sagemaker:us-east-1:123456789012:feature-group%2Fcustomers",
                LocalEndpoint.customer("c2", NOW, 7));
        HttpResponse<String> get = api.send("GET", "/FeatureGroup/arn%3Aaws%3Asagemaker%3Aeu-west-1%3A000000000000"
                + "%3Afeature-group%2Fcustomers?RecordIdentifierValueAsString=c2", null);
        assertEquals(200, get.statusCode(), get.body());
        assertEquals("7", JSON.readTree(get.body()).get("Record").get(2).get("ValueAsString").asText());
    }
}
