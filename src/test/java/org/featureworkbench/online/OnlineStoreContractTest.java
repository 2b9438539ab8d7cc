package org.featureworkbench.online;

import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.BatchGetResult;
import org.featureworkbench.model.WriteOutcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.model.TypedRecord;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The online store semantics of DESIGN.md §3 and ADR 0005, run against every
 * {@link OnlineStore} implementation. Event times are seconds after {@link #T0}; the store's
 * clock starts an hour after it.
 */
abstract class OnlineStoreContractTest {
    static final long T0 = 1_700_000_000L;

    protected MutableClock clock;
    protected OnlineStore store;
    protected FeatureGroup customers;

    /** A fresh, empty store on the given clock. */
    protected abstract OnlineStore openStore(MutableClock clock) throws Exception;

    @BeforeEach
    void openStoreAndGroup() throws Exception {
        clock = new MutableClock(Instant.ofEpochSecond(T0 + 3600));
        store = openStore(clock);
        customers = create(Definitions.customers("customers").withOnlineStore(OnlineStoreConfig.ENABLED));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected FeatureGroup create(FeatureGroupDefinition definition) {
        FeatureGroup group = new FeatureGroup(definition, Instant.ofEpochSecond(T0), null, null);
        store.createTable(group);
        return group;
    }

    static String at(long secondsAfterT0) {
        return EventTimes.format(Instant.ofEpochSecond(T0 + secondsAfterT0), FeatureType.STRING);
    }

    static TypedRecord record(FeatureGroup group, Map<String, String> values) {
        return RecordValidator.validate(group, new Record(values));
    }

    static TypedRecord customer(String id, long secondsAfterT0, Long age, Double score) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("customer_id", id);
        values.put("event_time", at(secondsAfterT0));
        values.put("age", age == null ? null : age.toString());
        values.put("score", score == null ? null : score.toString());
        return RecordValidator.validate(new FeatureGroup(Definitions.customers("customers"), Instant.EPOCH, null, null),
                new Record(values));
    }

    WriteOutcome put(TypedRecord r) {
        return store.put(customers, r, null);
    }

    Object age(String id) {
        return store.get(customers, id, null).orElseThrow().value("age");
    }

    @Test
    void newerEventTimeOverwritesTheOnlineRecord() {
        assertEquals(WriteOutcome.NEWER_WRITTEN, put(customer("c1", 10, 30L, 0.5)));
        assertEquals(WriteOutcome.NEWER_WRITTEN, put(customer("c1", 20, 31L, 0.7)));

        OnlineRecord read = store.get(customers, "c1", null).orElseThrow();
        assertEquals(31L, read.value("age"));
        assertEquals(0.7, read.value("score"));
        assertEquals(Instant.ofEpochSecond(T0 + 20), read.eventTime());
        assertNull(read.expiresAt());
    }

    @Test
    void olderEventTimeLeavesTheOnlineRecordUnchanged() {
        put(customer("c1", 20, 31L, 0.7));
        assertEquals(WriteOutcome.OLDER_IGNORED, put(customer("c1", 10, 30L, 0.5)));

        assertEquals(31L, age("c1"));
        assertEquals(Instant.ofEpochSecond(T0 + 20), store.get(customers, "c1", null).orElseThrow().eventTime());
    }

    @Test
    void equalEventTimeOverwritesTheOnlineRecordAsTheLastWriteWins() {
        put(customer("c1", 20, 31L, 0.7));
        assertEquals(WriteOutcome.EQUAL_OVERWRITTEN, put(customer("c1", 20, 32L, null)));

        assertEquals(32L, age("c1"));
    }

    @Test
    void aPutIsAFullOverwriteSoFeaturesItLacksBecomeNull() {
        put(customer("c1", 10, 30L, 0.5));
        put(customer("c1", 20, null, 0.9));

        OnlineRecord read = store.get(customers, "c1", null).orElseThrow();
        assertNull(read.value("age"));
        assertEquals(Map.of("customer_id", "c1", "event_time", at(20), "score", "0.9"), read.toRecord().values());
    }

    @Test
    void softDeleteHidesTheRecordAndANewerPutRevivesIt() {
        put(customer("c1", 10, 30L, 0.5));
        assertEquals(WriteOutcome.NEWER_WRITTEN, store.softDelete(customers, "c1", Instant.ofEpochSecond(T0 + 20)));

        assertTrue(store.get(customers, "c1", null).isEmpty());
        assertEquals(0, store.count(customers));

        assertEquals(WriteOutcome.NEWER_WRITTEN, put(customer("c1", 30, 33L, null)));
        assertEquals(33L, age("c1"));
        assertEquals(1, store.count(customers));
    }

    @Test
    void aPutOlderThanTheSoftDeleteStaysHidden() {
        put(customer("c1", 10, 30L, 0.5));
        store.softDelete(customers, "c1", Instant.ofEpochSecond(T0 + 20));

        assertEquals(WriteOutcome.OLDER_IGNORED, put(customer("c1", 15, 31L, null)));
        assertTrue(store.get(customers, "c1", null).isEmpty());
    }

    @Test
    void softDeleteWithAnOlderEventTimeLeavesTheRecordReadable() {
        put(customer("c1", 20, 30L, 0.5));
        assertEquals(WriteOutcome.OLDER_IGNORED, store.softDelete(customers, "c1", Instant.ofEpochSecond(T0 + 10)));

        assertEquals(30L, age("c1"));
    }

    @Test
    void hardDeleteRemovesTheRowSoAnyLaterPutIsWrittenAgain() {
        put(customer("c1", 20, 30L, 0.5));
        assertTrue(store.hardDelete(customers, "c1", Instant.ofEpochSecond(T0 + 30)));

        assertTrue(store.get(customers, "c1", null).isEmpty());
        assertEquals(0, store.count(customers));
        // No row is left to compare with, so even an older put is now the newest online.
        assertEquals(WriteOutcome.NEWER_WRITTEN, put(customer("c1", 5, 29L, null)));
        assertEquals(29L, age("c1"));
    }

    @Test
    void hardDeleteWithAnOlderOrEqualEventTimeIsAValidationErrorAndChangesNothing() {
        put(customer("c1", 20, 30L, 0.5));

        ValidationException older = assertThrows(ValidationException.class,
                () -> store.hardDelete(customers, "c1", Instant.ofEpochSecond(T0 + 10)));
        assertEquals("EventTime", older.field());
        assertTrue(older.getMessage().contains(at(20)), older.getMessage());
        assertThrows(ValidationException.class, () -> store.hardDelete(customers, "c1", Instant.ofEpochSecond(T0 + 20)));
        assertEquals(30L, age("c1"));
    }

    @Test
    void hardDeleteOfAMissingRecordReportsNothingRemoved() {
        assertFalse(store.hardDelete(customers, "nobody", Instant.ofEpochSecond(T0)));
    }

    @Test
    void anExpiredRecordIsInvisibleAtOnceAndListedForThePurge() {
        TypedRecord r = customer("c1", 0, 30L, 0.5);
        Instant expiresAt = r.expiresAt(customers.definition(), new TtlDuration(TtlUnit.HOURS, 2));
        store.put(customers, r, expiresAt);
        assertEquals(expiresAt, store.get(customers, "c1", null).orElseThrow().expiresAt());

        clock.advance(Duration.ofHours(1));
        assertTrue(store.get(customers, "c1", null).isEmpty(), "expired exactly at ExpiresAt");
        assertEquals(0, store.count(customers));
        assertEquals(List.of(new ExpiredRecord("c1", Instant.ofEpochSecond(T0), expiresAt)),
                store.expiredIds(customers, clock.instant(), 10));
    }

    @Test
    void aRecordTtlInThePastHidesTheRecordImmediately() {
        TypedRecord r = customer("c1", 0, 30L, 0.5);
        store.put(customers, r, r.expiresAt(customers.definition(), new TtlDuration(TtlUnit.SECONDS, 1)));

        assertTrue(store.get(customers, "c1", null).isEmpty());
    }

    @Test
    void aPutOverAnExpiredRowIsWrittenEvenWhenOlder() {
        TypedRecord r = customer("c1", 100, 30L, 0.5);
        store.put(customers, r, Instant.ofEpochSecond(T0 + 200));

        assertEquals(WriteOutcome.NEWER_WRITTEN, put(customer("c1", 50, 31L, null)));
        assertEquals(31L, age("c1"));
        assertTrue(store.expiredIds(customers, clock.instant(), 10).isEmpty());
    }

    @Test
    void projectionReturnsOnlyTheAskedFeaturesInTheAskedOrder() {
        put(customer("c1", 10, 30L, 0.5));

        OnlineRecord read = store.get(customers, "c1", List.of("score", "age")).orElseThrow();
        assertEquals(List.of("score", "age"), List.copyOf(read.values().keySet()));
        ValidationException e = assertThrows(ValidationException.class,
                () -> store.get(customers, "c1", List.of("agee")));
        assertTrue(e.getMessage().contains("'agee'"), e.getMessage());
    }

    @Test
    void aMissingIdReadsAsEmpty() {
        assertEquals(Optional.empty(), store.get(customers, "nobody", null));
    }

    @Test
    void aFeatureAddedLaterReadsAsNullForOldRows() {
        put(customer("c1", 10, 30L, 0.5));
        FeatureDefinition city = new FeatureDefinition("city-code", FeatureType.STRING);
        store.addColumns(customers, List.of(city));
        FeatureGroup extended = new FeatureGroup(customers.definition().withFeatures(
                java.util.stream.Stream.concat(customers.features().stream(), java.util.stream.Stream.of(city)).toList()),
                customers.creationTime(), null, null);

        OnlineRecord old = store.get(extended, "c1", null).orElseThrow();
        assertTrue(old.values().containsKey("city-code"));
        assertNull(old.value("city-code"));
        store.put(extended, record(extended, Map.of("customer_id", "c2", "event_time", at(10), "city-code", "HH")), null);
        assertEquals("HH", store.get(extended, "c2", List.of("city-code")).orElseThrow().value("city-code"));
    }

    @Test
    void batchGetReportsAMissingGroupPerIdAndLeavesOutMissingIds() {
        put(customer("c1", 10, 30L, 0.5));
        List<BatchGetIdentifier> request = List.of(
                new BatchGetIdentifier("customers", List.of("c1", "nobody"), List.of("age")),
                new BatchGetIdentifier("ghosts", List.of("g1", "g2"), null));

        BatchGetResult result = store.batchGet(request, name -> name.equals("customers") ? Optional.of(customers)
                : Optional.empty());

        assertEquals(1, result.records().size());
        assertEquals(Map.of("age", 30L), result.records().get(0).values());
        assertEquals(List.of("g1", "g2"), result.errors().stream()
                .map(BatchGetResult.Error::recordIdentifierValueAsString).toList());
        assertEquals(BatchGetResult.RESOURCE_NOT_FOUND, result.errors().get(0).errorCode());
        assertTrue(result.unprocessedIdentifiers().isEmpty());
    }

    @Test
    void batchGetOfMoreThanAHundredIdsIsAValidationError() {
        List<String> ids = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "c" + i).toList();
        assertThrows(ValidationException.class, () -> store.batchGet(
                List.of(new BatchGetIdentifier("customers", ids, null)), n -> Optional.of(customers)));
    }

    @Test
    void namesWithDashesWorkForGroupsFeaturesAndIds() {
        FeatureGroup dashed = create(new FeatureGroupDefinition("my-group_2", "record-id", "event-time",
                List.of(new FeatureDefinition("record-id", FeatureType.STRING),
                        new FeatureDefinition("event-time", FeatureType.FRACTIONAL),
                        new FeatureDefinition("a-b", FeatureType.INTEGRAL),
                        new FeatureDefinition("A_b2", FeatureType.STRING)),
                "", Map.of(), OnlineStoreConfig.ENABLED, null));

        store.put(dashed, record(dashed, Map.of("record-id", "x-1", "event-time", "1700000000.25", "a-b", "7",
                "A_b2", "q")), null);

        OnlineRecord read = store.get(dashed, "x-1", null).orElseThrow();
        assertEquals(7L, read.value("a-b"));
        assertEquals("1700000000.25", read.toRecord().value("event-time"));
        assertEquals(1, store.count(dashed));
    }

    @Test
    void integralRecordIdsAreParsedAndAWrongIdIsAValidationError() {
        FeatureGroup orders = create(new FeatureGroupDefinition("orders", "order_id", "ts",
                List.of(new FeatureDefinition("order_id", FeatureType.INTEGRAL),
                        new FeatureDefinition("ts", FeatureType.STRING)),
                "", Map.of(), OnlineStoreConfig.ENABLED, null));
        store.put(orders, record(orders, Map.of("order_id", "42", "ts", at(1))), null);

        assertEquals(42L, store.get(orders, "42", null).orElseThrow().value("order_id"));
        assertThrows(ValidationException.class, () -> store.get(orders, "forty-two", null));
    }

    @Test
    void listIdsPagesInIdOrderAfterAnIdAndSkipsExpiredAndUnlessAskedSoftDeletedRecords() {
        for (String id : List.of("c3", "c1", "c2", "c4")) {
            put(customer(id, 10, 30L, 0.5));
        }
        TypedRecord expiring = customer("c5", 0, 30L, 0.5);
        store.put(customers, expiring, expiring.expiresAt(customers.definition(), new TtlDuration(TtlUnit.HOURS, 2)));
        store.softDelete(customers, "c2", Instant.ofEpochSecond(T0 + 20));
        store.hardDelete(customers, "c4", Instant.ofEpochSecond(T0 + 20));

        assertEquals(List.of("c1", "c3", "c5"), store.listIds(customers, null, 10, false));
        assertEquals(List.of("c1", "c2"), store.listIds(customers, null, 2, true));
        assertEquals(List.of("c3", "c5"), store.listIds(customers, "c2", 10, true));
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of("c1", "c2", "c3"), store.listIds(customers, null, 10, true), "c5 expired");
    }

    @Test
    void aDroppedTableIsGoneAndARecreatedGroupStartsEmpty() {
        put(customer("c1", 10, 30L, 0.5));
        store.dropTable(customers);
        FeatureGroup again = new FeatureGroup(customers.definition(), customers.creationTime().plusSeconds(5), null, null);
        store.createTable(again);

        assertEquals(0, store.count(again));
        assertTrue(store.get(again, "c1", null).isEmpty());
    }
}
