package org.featureworkbench.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureGroupStatus;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.model.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CreateFeatureGroupJsonTest {

    @Test
    void readsEveryFieldOfAPlainRequestWithoutWarnings() {
        ParsedDefinition parsed = CreateFeatureGroupJson.read(JsonFixtures.text("customers.json"), "customers.json");
        FeatureGroupDefinition d = parsed.definition();

        assertEquals(List.of(), parsed.warnings());
        assertEquals("customers", d.name());
        assertEquals("customer_id", d.recordIdentifierFeatureName());
        assertEquals("event_time", d.eventTimeFeatureName());
        assertEquals(List.of(new FeatureDefinition("customer_id", FeatureType.STRING),
                new FeatureDefinition("event_time", FeatureType.STRING),
                new FeatureDefinition("age", FeatureType.INTEGRAL),
                new FeatureDefinition("lifetime_value", FeatureType.FRACTIONAL)), d.features());
        assertEquals(new OnlineStoreConfig(true, new TtlDuration(TtlUnit.DAYS, 7)), d.onlineStore());
        assertEquals(OfflineStoreConfig.ENABLED, d.offlineStore());
        assertEquals("One row per customer", d.description());
        assertEquals(List.of("team", "pii"), List.copyOf(d.tags().keySet()));
    }

    @Test
    void writtenRequestReadsBackToTheSameDefinition() {
        FeatureGroupDefinition original = CreateFeatureGroupJson.read(
                JsonFixtures.text("customers.json"), "customers.json").definition();
        FeatureGroup group = new FeatureGroup(original, Instant.parse("2024-05-01T12:00:00Z"), null,
                FeatureGroupStatus.CREATED);

        String written = CreateFeatureGroupJson.write(group);
        ParsedDefinition again = CreateFeatureGroupJson.read(written, "export.json");

        assertEquals(original, again.definition());
        assertEquals(List.of(), again.warnings());
    }

    @Test
    void writtenRequestLeavesOutDisabledStoresAndEmptyFields() {
        FeatureGroupDefinition offlineOnly = new FeatureGroupDefinition("g", "id", "t",
                List.of(new FeatureDefinition("id", FeatureType.INTEGRAL), new FeatureDefinition("t", FeatureType.FRACTIONAL)),
                "", Map.of(), OnlineStoreConfig.DISABLED, OfflineStoreConfig.ENABLED);

        String written = CreateFeatureGroupJson.write(offlineOnly);

        assertFalse(written.contains("OnlineStoreConfig"), written);
        assertFalse(written.contains("Description"), written);
        assertFalse(written.contains("Tags"), written);
        assertEquals(offlineOnly, CreateFeatureGroupJson.read(written, "w.json").definition());
    }

    @Test
    void boto3RequestIsAcceptedWithAWarningForEachCloudOnlyField() {
        ParsedDefinition parsed = CreateFeatureGroupJson.read(JsonFixtures.text("boto3-orders.json"), "orders.json");

        assertEquals("orders", parsed.definition().name());
        assertTrue(parsed.definition().onlineStore().enabled());
        assertTrue(parsed.definition().offlineStore().enabled());
        List<String> warnings = parsed.warnings();
        for (String field : List.of("OnlineStoreConfig.SecurityConfig", "OfflineStoreConfig.S3StorageConfig",
                "OfflineStoreConfig.DataCatalogConfig", "OfflineStoreConfig.TableFormat", "ThroughputConfig",
                "RoleArn", "Owner")) {
            assertEquals(1, warnings.stream().filter(w -> w.startsWith(field + " ")).count(),
                    field + " in " + warnings);
        }
        assertEquals(7, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("OnlineStoreConfig.SecurityConfig (orders.json:12:"), "document order: " + warnings);
        assertTrue(warnings.get(6).startsWith("Owner (orders.json:21:"), "document order: " + warnings);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("RoleArn (orders.json:20:")), warnings.toString());
        // Without the place, for a request body an SDK wrote (serve's console).
        assertEquals(List.of("OnlineStoreConfig.SecurityConfig, OfflineStoreConfig.S3StorageConfig, "
                + "OfflineStoreConfig.DataCatalogConfig, OfflineStoreConfig.TableFormat, ThroughputConfig, RoleArn: "
                + "cloud-only, ignored by the local store", "Owner: not a CreateFeatureGroup field, ignored"),
                parsed.warningsByReason());
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> CreateFeatureGroupJson.read(JsonFixtures.text("malformed.json"), "malformed.json"));

        assertTrue(e.getMessage().startsWith("malformed.json:4:3: malformed JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("expected ',' or '}' after a value"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void emptyTextIsReportedAsEmpty() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> CreateFeatureGroupJson.read("  \n", "blank.json"));

        assertTrue(e.getMessage().startsWith("blank.json: is empty"), e.getMessage());
    }

    @Test
    void unknownFeatureTypeNamesThePathAndListsTheValidTypes() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> CreateFeatureGroupJson.read(JsonFixtures.text("unknown-type.json"), "types.json"));

        assertEquals("FeatureDefinitions[2].FeatureType", e.field());
        assertTrue(e.getMessage().contains("'Float'"), e.getMessage());
        assertTrue(e.getMessage().contains("Integral, Fractional, String"), e.getMessage());
        assertTrue(e.getMessage().contains("types.json:8:"), e.getMessage());
    }

    @Test
    void featureDefinitionsThatAreNotAnArrayAreAShapeError() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> CreateFeatureGroupJson.read(JsonFixtures.text("definitions-not-array.json"), "shape.json"));

        assertEquals("FeatureDefinitions", e.field());
        assertTrue(e.getMessage().contains("expected an array"), e.getMessage());
        assertTrue(e.getMessage().contains("found an object (shape.json:5:25)"), e.getMessage());
    }

    @Test
    void missingFeatureNameIsReportedAtItsElement() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> CreateFeatureGroupJson.read(JsonFixtures.text("missing-feature-name.json"), "m.json"));

        assertEquals("FeatureDefinitions[1].FeatureName", e.field());
        assertTrue(e.getMessage().contains("is missing (m.json:7:5)"), e.getMessage());
    }

    @Test
    void wrongScalarTypesAreShapeErrors() {
        ValidationException name = assertThrows(ValidationException.class,
                () -> CreateFeatureGroupJson.read("{\"FeatureGroupName\": 42}", "n.json"));
        ValidationException ttl = assertThrows(ValidationException.class, () -> CreateFeatureGroupJson.read(
                JsonFixtures.text("customers.json").replace("\"Value\": 7", "\"Value\": \"7\""), "t.json"));

        assertEquals("FeatureGroupName: expected a string, found the number 42 (n.json:1:22)", name.getMessage());
        assertEquals("OnlineStoreConfig.TtlDuration.Value", ttl.field());
    }

    @Test
    void absentOfflineConfigAndDisabledOnlineStoreGiveNeitherStore() {
        FeatureGroupDefinition d = CreateFeatureGroupJson.read(
                JsonFixtures.text("neither-store.json"), "n.json").definition();

        assertFalse(d.onlineStore().enabled());
        assertFalse(d.offlineStore().enabled());
    }

    @Test
    void duplicateTagKeysAndDuplicateJsonFieldsAreRejected() {
        String twoTeams = JsonFixtures.text("customers.json").replace("\"pii\"", "\"team\"");
        String twoNames = "{\"FeatureGroupName\": \"a\", \"FeatureGroupName\": \"b\"}";

        ValidationException tags = assertThrows(ValidationException.class,
                () -> CreateFeatureGroupJson.read(twoTeams, "tags.json"));
        ValidationException names = assertThrows(ValidationException.class,
                () -> CreateFeatureGroupJson.read(twoNames, "names.json"));

        assertEquals("Tags[1].Key", tags.field());
        assertTrue(names.getMessage().contains("names.json:1:") && names.getMessage().contains("Duplicate field"),
                names.getMessage());
    }

    /**
     * Settings that are read but not honoured are only warned about, once, at their place:
     * a request for a Glue table (there is no Glue Data Catalog locally), and a feature's
     * CollectionConfig without a CollectionType (a cloud-only setting).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("settingsOnlyWarnedAbout")
    void aSettingTheLocalStoreDoesNotHonourIsOnlyWarnedAbout(String setting, String in, String replacedBy,
                                                              String warningStart, String warningSays) {
        String json = JsonFixtures.text("customers.json").replaceFirst(Pattern.quote(in), Matcher.quoteReplacement(replacedBy));

        List<String> warnings = CreateFeatureGroupJson.read(json, "c.json").warnings();

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(warningStart), warnings.get(0));
        assertTrue(warnings.get(0).contains(warningSays), warnings.get(0));
    }

    static Stream<Arguments> settingsOnlyWarnedAbout() {
        return Stream.of(
                Arguments.of("a Glue table", "\"DisableGlueTableCreation\": true", "\"DisableGlueTableCreation\": false",
                        "OfflineStoreConfig.DisableGlueTableCreation (c.json:12:", "no Glue Data Catalog locally"),
                Arguments.of("a CollectionConfig without a CollectionType", "\"FeatureType\": \"String\"",
                        "\"FeatureType\": \"String\", \"CollectionType\": null, \"CollectionConfig\": {}",
                        "FeatureDefinitions[0].CollectionConfig (c.json:", "cloud-only"));
    }

    @Test
    void aCollectionFeatureIsRefusedWhereItIsDefinedNotAtItsFirstPut() {
        String json = JsonFixtures.text("customers.json").replaceFirst("\"FeatureType\": \"String\"",
                "\"FeatureType\": \"String\", \"CollectionType\": \"List\"");

        ValidationException e = assertThrows(ValidationException.class, () -> CreateFeatureGroupJson.read(json, "c.json"));

        assertTrue(e.field().matches("FeatureDefinitions\\[\\d+]\\.CollectionType"), e.field());
        assertTrue(e.getMessage().contains("collection features (List) are not supported by the local store"),
                e.getMessage());
        assertTrue(e.getMessage().contains("remove CollectionType to define '") && e.getMessage().contains("(c.json:"),
                e.getMessage());
    }
}
