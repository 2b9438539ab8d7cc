package org.featureworkbench.model;

import static org.featureworkbench.testing.Definitions.customers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FeatureGroupValidatorTest {

    private static ValidationException firstProblem(FeatureGroupDefinition d) {
        return assertThrows(ValidationException.class, () -> FeatureGroupValidator.validate(d));
    }

    private static FeatureGroupDefinition withFeatures(FeatureDefinition... extra) {
        List<FeatureDefinition> features = new ArrayList<>(customers("g").features());
        features.addAll(List.of(extra));
        return customers("g").withFeatures(features);
    }

    @Test
    void theBaseDefinitionIsValid() {
        assertTrue(FeatureGroupValidator.problems(customers("customers")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a;DROP TABLE t", "kundenübersicht", "-leading", "trailing_", "", "a b"})
    void invalidGroupNamesAreRejectedNamingTheField(String name) {
        ValidationException e = firstProblem(customers(name));
        assertEquals("FeatureGroupName", e.field());
        assertTrue(e.getMessage().contains("'" + name + "'") || name.isEmpty(), e.getMessage());
    }

    @Test
    void groupNameOf65CharactersIsTooLongAnd64IsFine() {
        assertTrue(firstProblem(customers("a".repeat(65))).getMessage().contains("limit is 64"));
        assertTrue(FeatureGroupValidator.problems(customers("a".repeat(64))).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a;DROP TABLE t", "größe", "-x", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void invalidFeatureNamesAreRejectedWithTheirIndex(String name) {
        ValidationException e = firstProblem(withFeatures(new FeatureDefinition(name, FeatureType.STRING)));
        assertEquals("FeatureDefinitions[4].FeatureName", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"is_deleted", "write_time", "api_invocation_time", "Write_Time"})
    void reservedFeatureNamesAreRejected(String name) {
        ValidationException e = firstProblem(withFeatures(new FeatureDefinition(name, FeatureType.STRING)));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    }

    @Test
    void duplicateFeatureNamesAreRejectedIgnoringCase() {
        ValidationException e = firstProblem(withFeatures(new FeatureDefinition("Age", FeatureType.INTEGRAL)));
        assertTrue(e.getMessage().contains("more than once"), e.getMessage());
    }

    @Test
    void recordIdentifierMustBeOneOfTheFeatures() {
        FeatureGroupDefinition d = new FeatureGroupDefinition("g", "nope", "event_time", customers("g").features(),
                "", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED);
        ValidationException e = firstProblem(d);
        assertEquals("RecordIdentifierFeatureName", e.field());
        assertTrue(e.getMessage().contains("'nope' is not among the feature definitions"), e.getMessage());
    }

    @Test
    void fractionalRecordIdentifierIsRejected() {
        FeatureGroupDefinition d = new FeatureGroupDefinition("g", "score", "event_time", customers("g").features(),
                "", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED);
        assertEquals("RecordIdentifierFeatureName", firstProblem(d).field());
    }

    @Test
    void integralEventTimeIsRejected() {
        FeatureGroupDefinition d = new FeatureGroupDefinition("g", "customer_id", "age", customers("g").features(),
                "", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED);
        ValidationException e = firstProblem(d);
        assertEquals("EventTimeFeatureName", e.field());
        assertTrue(e.getMessage().contains("Integral"), e.getMessage());
    }

    @Test
    void aGroupNeedsAtLeastOneStore() {
        FeatureGroupDefinition d = customers("g").withOnlineStore(OnlineStoreConfig.DISABLED);
        d = new FeatureGroupDefinition(d.name(), d.recordIdentifierFeatureName(), d.eventTimeFeatureName(), d.features(),
                d.description(), d.tags(), OnlineStoreConfig.DISABLED, OfflineStoreConfig.DISABLED);
        assertEquals("OnlineStoreConfig", firstProblem(d).field());
    }

    @Test
    void descriptionOf129CharactersIsTooLong() {
        FeatureGroupDefinition base = customers("g");
        FeatureGroupDefinition d = new FeatureGroupDefinition("g", base.recordIdentifierFeatureName(),
                base.eventTimeFeatureName(), base.features(), "d".repeat(129), Map.of(), base.onlineStore(), base.offlineStore());
        ValidationException e = firstProblem(d);
        assertEquals("Description", e.field());
        assertTrue(e.getMessage().contains("129"), e.getMessage());
    }

    @Test
    void fiftyOneTagsAreTooMany() {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            tags.put("key" + i, "v");
        }
        ValidationException e = firstProblem(customers("g").withTags(tags));
        assertEquals("Tags", e.field());
        assertTrue(e.getMessage().contains("51 tags"), e.getMessage());
    }

    @Test
    void allProblemsAreReportedForAForm() {
        FeatureGroupDefinition d = new FeatureGroupDefinition("../x", "nope", "age", customers("g").features(),
                "", Map.of(), OnlineStoreConfig.DISABLED, OfflineStoreConfig.DISABLED);
        List<String> fields = FeatureGroupValidator.problems(d).stream().map(ValidationException::field).toList();
        assertEquals(List.of("FeatureGroupName", "RecordIdentifierFeatureName", "EventTimeFeatureName", "OnlineStoreConfig"),
                fields);
    }

    @Test
    void unknownFeatureTypeListsTheValidOnes() {
        ValidationException e = assertThrows(ValidationException.class, () -> FeatureType.fromAwsName("Boolean", "f"));
        assertTrue(e.getMessage().contains("Integral, Fractional, String"), e.getMessage());
    }

    @Test
    void additionsMustBeNewNames() {
        ValidationException e = assertThrows(ValidationException.class, () -> FeatureGroupValidator.validateAdditions(
                customers("g"), List.of(new FeatureDefinition("score", FeatureType.FRACTIONAL))));
        assertEquals("FeatureAdditions[0].FeatureName", e.field());
    }

    @Test
    void featureMetadataIsLimited() {
        assertThrows(ValidationException.class, () -> FeatureGroupValidator.validateMetadata("f", "x".repeat(256), Map.of()));
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < 26; i++) {
            params.put("p" + i, "v");
        }
        assertThrows(ValidationException.class, () -> FeatureGroupValidator.validateMetadata("f", "", params));
        FeatureGroupValidator.validateMetadata("f", "x".repeat(255), Map.of("unit", "years"));
    }

    @Test
    void featureParsesFromNameColonType() {
        assertEquals(new FeatureDefinition("age", FeatureType.INTEGRAL), FeatureDefinition.parse("age:integral", "--feature"));
        assertThrows(ValidationException.class, () -> FeatureDefinition.parse("age", "--feature"));
        assertThrows(ValidationException.class, () -> FeatureDefinition.parse("age:Bool", "--feature"));
    }

    @Test
    void ttlParsesShortForms() {
        assertEquals(new TtlDuration(TtlUnit.DAYS, 7), TtlDuration.parse("7d", "--ttl"));
        assertEquals(new TtlDuration(TtlUnit.MINUTES, 30), TtlDuration.parse("30 Minutes", "--ttl"));
        assertThrows(ValidationException.class, () -> TtlDuration.parse("0d", "--ttl"));
        assertThrows(ValidationException.class, () -> TtlDuration.parse("soon", "--ttl"));
    }
}
