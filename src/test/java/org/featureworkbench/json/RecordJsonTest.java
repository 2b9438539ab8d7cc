package org.featureworkbench.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.BatchGetResult;
import org.featureworkbench.model.OnlineRecord;
import org.junit.jupiter.api.Test;

class RecordJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static OnlineRecord record(Instant expiresAt) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", "c1");
        values.put("age", 41L);
        values.put("score", null);
        values.put("ltv", 0.25);
        return new OnlineRecord("customers", "c1", Instant.parse("2023-11-14T22:13:20Z"), expiresAt, values);
    }

    @Test
    void getRecordLeavesOutFeaturesWithoutValueAndAddsExpiresAtOnlyWhenAsked() throws Exception {
        Instant expires = Instant.parse("2023-11-21T22:13:20.500Z");

        JsonNode with = MAPPER.readTree(RecordJson.writeGetRecord(Optional.of(record(expires)), true));
        JsonNode without = MAPPER.readTree(RecordJson.writeGetRecord(Optional.of(record(expires)), false));

        assertEquals("{\"Record\":[{\"FeatureName\":\"id\",\"ValueAsString\":\"c1\"},{\"FeatureName\":\"age\",\"ValueAsString\":\"41\"},"
                + "{\"FeatureName\":\"ltv\",\"ValueAsString\":\"0.25\"}],\"ExpiresAt\":\"2023-11-21T22:13:20.500Z\"}", with.toString());
        assertEquals(List.of("Record"), fieldNames(without));
    }

    @Test
    void missingRecordIsAnEmptyObject() {
        assertEquals("{}\n", RecordJson.writeGetRecord(Optional.empty(), true));
    }

    @Test
    void batchGetRecordHasAllThreeListsInSageMakersShape() throws Exception {
        BatchGetResult result = new BatchGetResult(List.of(record(null)),
                List.of(new BatchGetResult.Error("ghosts", "g1", BatchGetResult.RESOURCE_NOT_FOUND, "no such group")),
                List.of(new BatchGetIdentifier("customers", List.of("c2", "c3"), List.of("age"))));

        JsonNode json = MAPPER.readTree(RecordJson.writeBatchGetRecord(result, true));

        assertEquals("{\"FeatureGroupName\":\"customers\",\"RecordIdentifierValueAsString\":\"c1\",\"Record\":["
                + "{\"FeatureName\":\"id\",\"ValueAsString\":\"c1\"},{\"FeatureName\":\"age\",\"ValueAsString\":\"41\"},"
                + "{\"FeatureName\":\"ltv\",\"ValueAsString\":\"0.25\"}]}", json.at("/Records/0").toString());
        assertEquals("{\"FeatureGroupName\":\"ghosts\",\"RecordIdentifierValueAsString\":\"g1\",\"ErrorCode\":\"ResourceNotFound\","
                + "\"ErrorMessage\":\"no such group\"}", json.at("/Errors/0").toString());
        assertEquals("{\"FeatureGroupName\":\"customers\",\"RecordIdentifiersValueAsString\":[\"c2\",\"c3\"],"
                + "\"FeatureNames\":[\"age\"]}", json.at("/UnprocessedIdentifiers/0").toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
