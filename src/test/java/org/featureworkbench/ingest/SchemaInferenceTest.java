package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureGroupValidator;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaInferenceTest {
    @TempDir
    Path dir;

    private static Map<String, FeatureType> types(FeatureGroupDefinition definition) {
        Map<String, FeatureType> types = new LinkedHashMap<>();
        for (FeatureDefinition f : definition.features()) {
            types.put(f.name(), f.type());
        }
        return types;
    }

    @Test
    void claimsLikeFileGetsSensibleTypesIdAndEventTime() {
        InferredSchema schema = SchemaInference.infer(Fixtures.path("claims_like.csv"), SourceOptions.DETECT,
                InferenceOptions.DEFAULTS);
        Map<String, FeatureType> types = types(schema.definition());
        assertEquals(FeatureType.INTEGRAL, types.get("policy_id"));
        assertEquals(FeatureType.STRING, types.get("driver_relationship"));
        assertEquals(FeatureType.INTEGRAL, types.get("num_injuries"));
        assertEquals(FeatureType.STRING, types.get("police_report_available"), "Yes/No/empty is text");
        assertEquals(FeatureType.INTEGRAL, types.get("injury_claim"));
        assertEquals(FeatureType.FRACTIONAL, types.get("vehicle_claim"), "whole and decimal values mixed → Fractional");
        assertEquals(FeatureType.STRING, types.get("policy_liability"), "25/50 is text");
        assertEquals(FeatureType.STRING, types.get("customer_zip"), "02134 would lose its leading zero");
        assertEquals(FeatureType.STRING, types.get("incident_time"));
        assertEquals("policy_id", schema.definition().recordIdentifierFeatureName());
        assertEquals("incident_time", schema.definition().eventTimeFeatureName());
        assertTrue(schema.definition().onlineStore().enabled() && schema.definition().offlineStore().enabled());
        assertEquals("claims_like", schema.definition().name());
        FeatureGroupValidator.validate(schema.definition());
        assertTrue(schema.notes().stream().anyMatch(n -> n.contains("values such as '02134' have leading zeros")));
    }

    @Test
    void inferredDefinitionIngestsItsOwnFile() {
        Path file = Fixtures.path("claims_like.csv");
        InferredSchema schema = SchemaInference.infer(file, SourceOptions.DETECT, InferenceOptions.DEFAULTS);
        CollectingRejects rejects = new CollectingRejects();
        List<MappedRow> rows = new ArrayList<>();
        IngestOptions options = IngestOptions.DEFAULTS.withMapping(schema.mappingOptions(Instant.now()));
        CollectingRejects.ingest(file, options, schema.definition(), rejects, rows);
        assertEquals(List.of(), rejects.rejections);
        assertEquals(4, rows.size());
        assertEquals("2023-11-15T08:30:00.250Z", rows.get(2).textValues().get("incident_time"));
    }

    @Test
    void numericEpochEventTimeBecomesFractionalAndIdNamedColumnIsPreferred() {
        Path file = Fixtures.write(dir, "e.csv", "name,order_id,EventTime,amount\na,10,1700000000,1\nb,11,1700000001.5,2\n");
        FeatureGroupDefinition def = SchemaInference.infer(file, SourceOptions.DETECT, InferenceOptions.DEFAULTS).definition();
        assertEquals("order_id", def.recordIdentifierFeatureName(), "name is unique too, but order_id is named like an id");
        assertEquals("EventTime", def.eventTimeFeatureName());
        assertEquals(FeatureType.FRACTIONAL, def.eventTimeFeature().type());
    }

    @Test
    void smallNumbersInATimeNamedColumnAreNotTakenForEpochSeconds() {
        Path file = Fixtures.write(dir, "r.csv", "id,response_time\n1,250\n2,300\n");
        InferredSchema schema = SchemaInference.infer(file, SourceOptions.DETECT, InferenceOptions.DEFAULTS);
        assertNull(schema.definition().eventTimeFeatureName());
        assertTrue(schema.notes().stream().anyMatch(n -> n.startsWith("event time: no column is named like one")));
    }

    @Test
    void stampingAddsAFractionalEventTimeFeatureAsTheAwsNotebookDoes() {
        InferredSchema schema = SchemaInference.infer(Fixtures.path("intro_customer_bom.csv"), SourceOptions.DETECT,
                InferenceOptions.DEFAULTS.withStampEventTime(true));
        FeatureGroupDefinition def = schema.definition();
        assertEquals("customer_id", def.recordIdentifierFeatureName());
        assertEquals("EventTime", def.eventTimeFeatureName());
        assertEquals(FeatureType.FRACTIONAL, def.eventTimeFeature().type());
        assertEquals("EventTime", schema.stampedEventTime());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"),
                schema.mappingOptions(Instant.parse("2024-01-01T00:00:00Z")).stampEventTime());
        FeatureGroupValidator.validate(def);
    }

    @Test
    void invalidColumnNamesAreSanitisedAndReported() {
        Path file = Fixtures.write(dir, "n.csv", "Customer ID,café,is_deleted,a b,a-b,_x_\n1,2,3,4,5,6\n2,3,4,5,6,7\n");
        InferredSchema schema = SchemaInference.infer(file, SourceOptions.DETECT, InferenceOptions.DEFAULTS);
        assertEquals(List.of("Customer_ID", "cafe", "is_deleted_src", "a_b", "a-b", "x"),
                schema.definition().features().stream().map(FeatureDefinition::name).toList());
        assertEquals("Customer_ID", schema.renames().get("Customer ID"));
        assertTrue(schema.notes().contains("column 'Customer ID' becomes feature 'Customer_ID' (not a valid SageMaker"
                + " feature name)"));
        assertEquals("Customer_ID", schema.definition().recordIdentifierFeatureName());
    }

    @Test
    void namedColumnsOverrideTheSuggestionsAndAnUnknownOneIsRefused() {
        Path file = Fixtures.path("claims_like.csv");
        FeatureGroupDefinition def = SchemaInference.infer(file, SourceOptions.DETECT,
                InferenceOptions.DEFAULTS.withRecordId("customer_zip").withGroupName("claims")).definition();
        assertEquals("customer_zip", def.recordIdentifierFeatureName());
        assertEquals("claims", def.name());
        var e = assertThrows(FeatureStoreException.class, () -> SchemaInference.infer(file, SourceOptions.DETECT,
                InferenceOptions.DEFAULTS.withEventTime("when")));
        assertTrue(e.getMessage().startsWith("there is no column 'when' to use as the event time"), e.getMessage());
    }

    @Test
    void headerOnlyFileCannotBeInferred() {
        var e = assertThrows(FeatureStoreException.class, () -> SchemaInference.infer(Fixtures.path("header_only.csv"),
                SourceOptions.DETECT, InferenceOptions.DEFAULTS));
        assertEquals("header_only.csv has a header but no rows; types cannot be inferred without values - add rows, or"
                + " define the feature group by hand", e.getMessage());
    }

    @Test
    void carDataLikeFileIsRefusedSayingWhy() {
        var e = assertThrows(FeatureStoreException.class, () -> SchemaInference.infer(Fixtures.path("car_data_ragged.csv"),
                SourceOptions.DETECT, InferenceOptions.DEFAULTS));
        assertEquals("car_data_ragged.csv: none of the first 3 rows can be read, so no schema can be inferred (line 2 has"
                + " 8 fields but the header has 7 names — values would shift; fix the header or the row)", e.getMessage());
    }

    @Test
    void theSampleStopsAtTheRequestedNumberOfRows() {
        StringBuilder text = new StringBuilder("id,v\n");
        for (int i = 0; i < 50; i++) {
            text.append(i).append(',').append(i < 10 ? "1" : "x").append('\n');
        }
        Path file = Fixtures.write(dir, "s.csv", text.toString());
        InferredSchema schema = SchemaInference.infer(file, SourceOptions.DETECT,
                new InferenceOptions(null, 10, null, null, false));
        assertEquals(10, schema.sampledRows());
        assertEquals(FeatureType.INTEGRAL, schema.definition().feature("v").orElseThrow().type());
    }
}
