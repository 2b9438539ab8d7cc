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
import org.featureworkbench.core.RecordStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each Feature Store Runtime operation over real HTTP against a started server on a real workspace
 * (one for the class, so each test uses its own record ids).
 */
class RuntimeOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

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
        api.put("customers", LocalEndpoint.customer("p1", NOW, 41));
        HttpResponse<String> get = api.send("GET", "/FeatureGroup/customers?RecordIdentifierValueAsString=p1"
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

    @Test
    void deleteRecordHidesTheRecordAndHardDeleteRemovesIt() throws Exception {
        api.put("customers", LocalEndpoint.customer("d1", NOW, 1));
        api.put("customers", LocalEndpoint.customer("d2", NOW, 2));
        String later = Instant.parse(NOW).plusSeconds(1).toString();
        HttpResponse<String> soft = api.send("DELETE", "/FeatureGroup/customers?RecordIdentifierValueAsString=d1"
                + "&EventTime=" + later, null);
        assertEquals(200, soft.statusCode(), soft.body());
        HttpResponse<String> hard = api.send("DELETE", "/FeatureGroup/customers?RecordIdentifierValueAsString=d2"
                + "&EventTime=" + later + "&DeletionMode=HardDelete&TargetStores=OnlineStore", null);
        assertEquals(200, hard.statusCode(), hard.body());

        for (String id : new String[] {"d1", "d2"}) {
            HttpResponse<String> get = api.send("GET", "/FeatureGroup/customers?RecordIdentifierValueAsString=" + id, null);
            assertFalse(JSON.readTree(get.body()).has("Record"), id + ": " + get.body());
        }
    }

    @Test
    void batchGetRecordReadsFoundRecordsAndReportsMissingOnes() throws Exception {
        api.put("customers", LocalEndpoint.customer("b1", NOW, 10));
        api.put("customers", LocalEndpoint.customer("b2", NOW, 20));
        HttpResponse<String> batch = api.send("POST", "/BatchGetRecord", "{\"Identifiers\": ["
                + "{\"FeatureGroupName\": \"customers\", \"RecordIdentifiersValueAsString\": [\"b1\", \"b2\"],"
                + " \"FeatureNames\": [\"age\"]},"
                + "{\"FeatureGroupName\": \"arn:aws:sagemaker:us-east-1:1:feature-group/nosuch\","
                + " \"RecordIdentifiersValueAsString\": [\"x\"]}]}");
        assertEquals(200, batch.statusCode(), batch.body());
        JsonNode body = JSON.readTree(batch.body());
        assertEquals(2, body.get("Records").size(), batch.body());
        assertEquals("20", body.get("Records").get(1).get("Record").get(0).get("ValueAsString").asText());
        assertEquals("nosuch", body.get("Errors").get(0).get("FeatureGroupName").asText(), batch.body());
    }

    @Test
    void putRecordHonoursTargetStoresAndTtlDuration() throws Exception {
        long pendingBefore = api.store.records().stats("customers").pendingOffline();
        HttpResponse<String> put = api.send("PUT", "/FeatureGroup/customers", "{\"Record\": "
                + LocalEndpoint.customer("t1", NOW, 5) + ", \"TargetStores\": [\"OnlineStore\"],"
                + " \"TtlDuration\": {\"Unit\": \"Hours\", \"Value\": 2}}");
        assertEquals(200, put.statusCode(), put.body());
        RecordStats stats = api.store.records().stats("customers");
        assertEquals(pendingBefore, stats.pendingOffline(), "an online-only put queues nothing for the offline store");
        HttpResponse<String> get = api.send("GET", "/FeatureGroup/customers?RecordIdentifierValueAsString=t1"
                + "&ExpirationTimeResponse=Enabled", null);
        assertEquals(Instant.parse(NOW).plus(2, ChronoUnit.HOURS),
                Instant.parse(JSON.readTree(get.body()).get("ExpiresAt").asText()));
    }
}
