package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.model.BatchWriteEntry;
import org.featureworkbench.model.BatchWriteResult;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BatchWriteRecord through the facade: per-entry outcomes, PutRecord semantics per entry, TTLs, limits. */
class BatchWriteRecordTest {
    private static final long NOW = System.currentTimeMillis() / 1000;

    @TempDir
    Path workspace;
    FeatureStore store;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        for (String name : List.of("users", "items")) {
            store.createFeatureGroup(new FeatureGroupDefinition(name, "id", "ts", List.of(
                    new FeatureDefinition("id", FeatureType.STRING), new FeatureDefinition("ts", FeatureType.FRACTIONAL),
                    new FeatureDefinition("n", FeatureType.INTEGRAL)), "", Map.of(), OnlineStoreConfig.ENABLED,
                    OfflineStoreConfig.ENABLED));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static BatchWriteEntry entry(String group, String id, long ts, String n, TtlDuration ttl) {
        return new BatchWriteEntry(group, Record.builder().put("id", id).put("ts", String.valueOf(ts)).put("n", n)
                .build(), null, ttl);
    }

    private String n(String group, String id) {
        return store.records().getRecord(group, id, null).map(r -> String.valueOf(r.value("n"))).orElse("missing");
    }

    @Test
    void failedEntriesAreReportedByPositionAndTheOthersAreWritten() {
        BatchWriteResult result = store.records().batchWriteRecord(List.of(
                entry("users", "u1", NOW, "1", null),
                entry("nope", "u2", NOW, "2", null),
                entry("items", "i1", NOW, "not a number", null),
                entry("items", "i2", NOW, "4", null)), null);

        assertEquals(List.of(1, 2), result.errors().stream().map(BatchWriteResult.Failure::entry).toList());
        assertEquals(List.of(BatchWriteResult.RESOURCE_NOT_FOUND, BatchWriteResult.VALIDATION_ERROR),
                result.errors().stream().map(BatchWriteResult.Failure::errorCode).toList());
        assertTrue(result.errors().get(0).errorMessage().contains("nope"), result.errors().get(0).errorMessage());
        assertEquals(List.of(), result.unprocessed());
        assertEquals("1", n("users", "u1"));
        assertEquals("4", n("items", "i2"));
        assertEquals("missing", n("items", "i1"));
    }

    @Test
    void eachEntryHasPutRecordSemanticsInRequestOrder() {
        BatchWriteResult result = store.records().batchWriteRecord(List.of(
                entry("users", "u1", NOW, "1", null),
                entry("users", "u1", NOW - 60, "9", null),
                entry("users", "u2", NOW, "1", null),
                entry("users", "u2", NOW, "2", null)), null);

        // The older write is history (offline only); of two equal event times the later entry wins.
        assertEquals(List.of(), result.errors());
        assertEquals("1", n("users", "u1"));
        assertEquals("2", n("users", "u2"));
    }

    @Test
    void theRequestTtlAppliesToEntriesWithoutTheirOwn() {
        store.records().batchWriteRecord(List.of(
                entry("users", "own", NOW, "1", new TtlDuration(TtlUnit.HOURS, 1)),
                entry("users", "shared", NOW, "2", null)), new TtlDuration(TtlUnit.DAYS, 2));

        OnlineRecord own = store.records().getRecord("users", "own", null).orElseThrow();
        OnlineRecord shared = store.records().getRecord("users", "shared", null).orElseThrow();
        assertEquals(Instant.ofEpochSecond(NOW).plus(Duration.ofHours(1)), own.expiresAt());
        assertEquals(Instant.ofEpochSecond(NOW).plus(Duration.ofDays(2)), shared.expiresAt());
    }

    @Test
    void targetStoresAreHonouredPerEntry() {
        store.records().batchWriteRecord(List.of(new BatchWriteEntry("users",
                Record.builder().put("id", "off").put("ts", String.valueOf(NOW)).build(),
                Set.of(TargetStore.OFFLINE_STORE), null)), null);

        assertEquals("missing", n("users", "off"));
    }

    @Test
    void noEntriesOrMoreThan25AreRejectedWhole() {
        List<BatchWriteEntry> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(entry("users", "u" + i, NOW, "1", null));
        }

        ValidationException tooMany = assertThrows(ValidationException.class,
                () -> store.records().batchWriteRecord(many, null));
        assertThrows(ValidationException.class, () -> store.records().batchWriteRecord(List.of(), null));

        assertTrue(tooMany.getMessage().contains("1 to 25 entries, got 26"), tooMany.getMessage());
        assertEquals("missing", n("users", "u0"));
    }
}
