package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.Test;

class FeatureMappingTest {
    private static final FeatureGroupDefinition CUSTOMERS = Definitions.customers("customers");

    private static SourceRow row(Columns columns, String... values) {
        return new SourceRow(7, String.join(",", values), columns, values, null);
    }

    @Test
    void columnsMapToFeaturesIgnoringCaseAndExtrasAreReported() {
        Columns header = new Columns(List.of("Customer_ID", "EVENT_TIME", "age", "shoe_size"));
        FeatureMapping mapping = FeatureMapping.plan(header, CUSTOMERS, MappingOptions.BY_NAME);
        assertEquals(List.of("shoe_size"), mapping.unmappedColumns());
        assertEquals(List.of("score"), mapping.absentFeatures());
        MappedRow mapped = (MappedRow) mapping.map(row(header, "c1", "2023-11-14 22:13:20", "30", "44"));
        assertEquals("c1", mapped.recordId());
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), mapped.eventTime());
        assertEquals(Map.of("customer_id", "c1", "event_time", "2023-11-14T22:13:20Z", "age", 30L),
                withoutNulls(mapped.typedValues()));
        assertNull(mapped.typedValues().get("score"), "an absent feature is null");
    }

    @Test
    void aColumnFirstSeenMidFileIsReportedIgnoredOrFeedsItsFeature() {
        Columns header = new Columns(List.of("customer_id", "event_time", "age"));
        FeatureMapping mapping = FeatureMapping.plan(header, CUSTOMERS, MappingOptions.BY_NAME);
        mapping.map(row(header, "c1", "2023-11-14T22:13:20Z", "30"));
        Columns longer = header.plus("loyalty").plus("Score");

        MappedRow mapped = (MappedRow) mapping.map(row(longer, "c2", "2023-11-14T22:13:20Z", "31", "gold", "0.5"));

        assertEquals(0.5, mapped.typedValues().get("score"), "the later column feeds its feature");
        assertEquals(List.of("loyalty"), mapping.unmappedColumns(), "a later key no feature takes is listed");
        assertEquals(List.of(), mapping.absentFeatures(), "a feature fed by a later key is no longer absent");

        Columns onARejectedLine = longer.plus("notes");
        mapping.map(SourceRow.rejected(9, "{...}", onARejectedLine, "line 9: key 'notes' holds a nested object"));
        assertEquals(List.of("loyalty", "notes"), mapping.unmappedColumns(), "a key seen only on a rejected line");
    }

    @Test
    void aLateEventTimeColumnOfAStampedIngestIsIgnored() {
        Columns header = new Columns(List.of("customer_id", "age"));
        FeatureMapping mapping = FeatureMapping.plan(header, CUSTOMERS,
                new MappingOptions(Map.of(), Instant.parse("2026-01-01T00:00:00Z")));
        MappedRow mapped = (MappedRow) mapping.map(row(header.plus("event_time"), "c1", "30", "2020-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), mapped.eventTime(), "the stamp wins");
        assertEquals(List.of("event_time"), mapping.unmappedColumns());
    }

    @Test
    void csvCellsAreCoercedInPlaceWithTheSameRulesAsStrings(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = Fixtures.write(dir, "c.csv", "customer_id,event_time,age,score\n"
                + "c1,2023-11-14T22:13:20Z,\" 30 \",\"\"\n"
                + "\"c\"\"2\",2023-11-14T22:13:20Z,1.0,2e-3\n"
                + "c3,2023-11-14T22:13:20Z,1.5,1,5\n");
        List<SourceRow> rows = Fixtures.readAll(file);
        FeatureMapping mapping = FeatureMapping.plan(rows.get(0).columns(), CUSTOMERS, MappingOptions.BY_NAME);
        MappedRow first = (MappedRow) mapping.map(rows.get(0));
        assertEquals(30L, first.typedValue(2));
        assertNull(first.typedValue(3), "a quoted empty cell is a missing number");
        assertEquals("30", first.textValue(2));
        MappedRow second = (MappedRow) mapping.map(rows.get(1));
        assertEquals("c\"2", second.recordId());
        assertEquals(1L, second.typedValue(2));
        assertEquals(0.002, second.typedValue(3));
        RowRejection third = assertInstanceOf(RowRejection.class, mapping.map(rows.get(2)));
        assertTrue(third.reason().contains("has 5 fields"), third.reason());
        MappedRow again = (MappedRow) mapping.map(rows.get(0));
        Object[] taken = again.takeTypedValues();
        assertEquals("c1", taken[0]);
        assertEquals(30L, taken[2]);
    }

    @Test
    void fractionalEventTimeIsNormalisedToEpochSeconds() {
        FeatureGroupDefinition group = new FeatureGroupDefinition("g", "id", "ts",
                List.of(new FeatureDefinition("id", FeatureType.INTEGRAL), new FeatureDefinition("ts", FeatureType.FRACTIONAL)),
                null, null, null, null);
        Columns header = new Columns(List.of("id", "ts"));
        MappedRow mapped = (MappedRow) FeatureMapping.plan(header, group, MappingOptions.BY_NAME)
                .map(row(header, "1.0", "2023-11-14T23:13:20.5+01:00"));
        assertEquals("1", mapped.recordId());
        assertEquals("1700000000.5", mapped.textValue(1));
        assertEquals(1700000000.5, mapped.typedValue(1));
    }

    @Test
    void everyBadValueOfARowIsNamedInOneReason() {
        Columns header = new Columns(List.of("customer_id", "event_time", "age", "score"));
        MappingOutcome outcome = FeatureMapping.plan(header, CUSTOMERS, MappingOptions.BY_NAME)
                .map(row(header, "c1", "2023-11-14T22:13:20Z", "thirty", "NaN"));
        RowRejection rejection = assertInstanceOf(RowRejection.class, outcome);
        assertTrue(rejection.reason().startsWith("line 7: age (Integral): 'thirty' is not a whole number"), rejection.reason());
        assertTrue(rejection.reason().contains("; score (Fractional): 'NaN' is not stored"), rejection.reason());
    }

    @Test
    void renamedColumnsFeedTheirFeature() {
        Columns header = new Columns(List.of("customer id", "event_time", "age"));
        FeatureMapping mapping = FeatureMapping.plan(header, CUSTOMERS,
                MappingOptions.BY_NAME.withRenames(Map.of("customer id", "customer_id")));
        assertEquals("customer id", mapping.columnByFeature().get("customer_id"));
        assertEquals("c9", ((MappedRow) mapping.map(row(header, "c9", "1700000000", "1"))).recordId());
    }

    @Test
    void stampedEventTimeFillsEveryRowWhenTheFileHasNone() {
        Columns header = new Columns(List.of("customer_id", "age"));
        Instant now = Instant.parse("2024-01-02T03:04:05.678912Z");
        FeatureMapping mapping = FeatureMapping.plan(header, CUSTOMERS, MappingOptions.BY_NAME.withStampEventTime(now));
        MappedRow mapped = (MappedRow) mapping.map(row(header, "c1", "30"));
        assertEquals("2024-01-02T03:04:05.678Z", mapped.textValue(1));
        assertEquals(List.of("score"), mapping.absentFeatures(), "the stamped event time is not absent");
    }

    @Test
    void stampingIsRefusedWhenTheFileHasAnEventTimeColumn() {
        Columns header = new Columns(List.of("customer_id", "event_time"));
        var e = assertThrows(FeatureStoreException.class, () -> FeatureMapping.plan(header, CUSTOMERS,
                MappingOptions.BY_NAME.withStampEventTime(Instant.now())));
        assertTrue(e.getMessage().startsWith("the file has a column 'event_time' for the event time"), e.getMessage());
    }

    @Test
    void missingEventTimeColumnSuggestsStamping() {
        Columns header = new Columns(List.of("customer_id", "age"));
        var e = assertThrows(FeatureStoreException.class, () -> FeatureMapping.plan(header, CUSTOMERS, MappingOptions.BY_NAME));
        assertTrue(e.getMessage().contains("stamp every row with the ingest time (--stamp-event-time)"), e.getMessage());
    }

    @Test
    void columnsThatDifferOnlyInCaseAreAmbiguous() {
        Columns header = new Columns(List.of("customer_id", "event_time", "Age", "AGE"));
        var e = assertThrows(FeatureStoreException.class, () -> FeatureMapping.plan(header, CUSTOMERS, MappingOptions.BY_NAME));
        assertTrue(e.getMessage().contains("feature 'age' matches several columns when case is ignored (Age, AGE)"),
                e.getMessage());
    }

    @Test
    void rowsRejectedByTheReaderKeepTheirReason() {
        Columns header = new Columns(List.of("customer_id", "event_time"));
        SourceRow bad = SourceRow.rejected(3, "x", header, "line 3 has 1 field but the header has 2 names");
        RowRejection r = (RowRejection) FeatureMapping.plan(header, CUSTOMERS, MappingOptions.BY_NAME).map(bad);
        assertEquals("line 3 has 1 field but the header has 2 names", r.reason());
        assertEquals("x", r.originalText());
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
