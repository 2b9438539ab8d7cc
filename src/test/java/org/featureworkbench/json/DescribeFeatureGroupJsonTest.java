package org.featureworkbench.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureGroupStatus;
import org.junit.jupiter.api.Test;

class DescribeFeatureGroupJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static FeatureGroup customers() {
        FeatureGroupDefinition d = CreateFeatureGroupJson.read(
                JsonFixtures.text("customers.json"), "customers.json").definition();
        List<FeatureDefinition> features = d.features().stream()
                .map(f -> f.name().equals("age") ? f.withMetadata("Age in years", Map.of("unit", "years")) : f)
                .toList();
        return new FeatureGroup(d.withFeatures(features), Instant.parse("2024-05-01T12:00:00Z"),
                Instant.parse("2024-05-02T08:30:00Z"), FeatureGroupStatus.CREATED);
    }

    @Test
    void describeHasTheSageMakerFieldsPlusTagsAndMetadata() throws Exception {
        JsonNode json = MAPPER.readTree(DescribeFeatureGroupJson.write(customers()));

        assertEquals("arn:aws:sagemaker:local:000000000000:feature-group/customers", json.get("FeatureGroupArn").asText());
        assertEquals("customers", json.get("FeatureGroupName").asText());
        assertEquals("customer_id", json.get("RecordIdentifierFeatureName").asText());
        assertEquals("event_time", json.get("EventTimeFeatureName").asText());
        assertEquals("2024-05-01T12:00:00Z", json.get("CreationTime").asText());
        assertEquals("2024-05-02T08:30:00Z", json.get("LastModifiedTime").asText());
        assertEquals("Created", json.get("FeatureGroupStatus").asText());
        assertEquals("Days", json.at("/OnlineStoreConfig/TtlDuration/Unit").asText());
        assertEquals(7, json.at("/OnlineStoreConfig/TtlDuration/Value").asInt());
        assertEquals(true, json.at("/OfflineStoreConfig/DisableGlueTableCreation").asBoolean());
        assertEquals("Integral", json.at("/FeatureDefinitions/2/FeatureType").asText());
        assertEquals("Age in years", json.at("/FeatureDefinitions/2/Description").asText());
        assertEquals("years", json.at("/FeatureDefinitions/2/Parameters/0/Value").asText());
        assertFalse(json.at("/FeatureDefinitions/0").has("Description"));
        assertEquals("growth", json.at("/Tags/0/Value").asText());
    }

    @Test
    void describeOutputIsAcceptedAsACreateRequestWithWarningsOnlyForMetadata() {
        ParsedDefinition parsed = CreateFeatureGroupJson.read(DescribeFeatureGroupJson.write(customers()), "d.json");

        assertEquals("customers", parsed.definition().name());
        assertEquals(4, parsed.definition().features().size());
        // FeatureGroupArn, CreationTime, LastModifiedTime, FeatureGroupStatus, and the feature's Description/Parameters.
        assertEquals(6, parsed.warnings().size(), parsed.warnings().toString());
    }

    @Test
    void summariesListNameArnCreationTimeAndStatus() throws Exception {
        JsonNode json = MAPPER.readTree(DescribeFeatureGroupJson.writeSummaries(List.of(customers())));

        JsonNode first = json.at("/FeatureGroupSummaries/0");
        assertEquals("customers", first.get("FeatureGroupName").asText());
        assertEquals("arn:aws:sagemaker:local:000000000000:feature-group/customers", first.get("FeatureGroupArn").asText());
        assertEquals("2024-05-01T12:00:00Z", first.get("CreationTime").asText());
        assertEquals("Created", first.get("FeatureGroupStatus").asText());
    }

    @Test
    void emptyArraysPrintAsTheAwsCliPrintsThem() {
        assertEquals("{\n  \"FeatureGroupSummaries\": []\n}\n", DescribeFeatureGroupJson.writeSummaries(List.of()));
    }

    @Test
    void emptyListsStillHaveTheirArrays() throws Exception {
        assertEquals(0, MAPPER.readTree(DescribeFeatureGroupJson.writeSummaries(List.of()))
                .get("FeatureGroupSummaries").size());
        assertEquals(0, MAPPER.readTree(DescribeFeatureGroupJson.writeSearchResults(List.of())).get("Results").size());
    }

    @Test
    void searchResultsWrapTheDescribeShape() throws Exception {
        JsonNode json = MAPPER.readTree(DescribeFeatureGroupJson.writeSearchResults(List.of(customers())));

        assertEquals("customers", json.at("/Results/0/FeatureGroup/FeatureGroupName").asText());
        assertEquals("Created", json.at("/Results/0/FeatureGroup/FeatureGroupStatus").asText());
    }

    @Test
    void featureMetadataHasDescriptionAndParameters() throws Exception {
        FeatureGroup group = customers();
        JsonNode json = MAPPER.readTree(DescribeFeatureGroupJson.writeFeatureMetadata(group,
                group.definition().feature("age").orElseThrow()));

        assertEquals("age", json.get("FeatureName").asText());
        assertEquals("Integral", json.get("FeatureType").asText());
        assertEquals("Age in years", json.get("Description").asText());
        assertEquals("unit", json.at("/Parameters/0/Key").asText());
        assertEquals("customers", json.get("FeatureGroupName").asText());
    }
}
