package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.featureworkbench.writepath.WritePathGroups.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.RecordOperations;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.PutResult;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.model.WriteOutcome;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PutRecord's semantics table (DESIGN.md §3, ADR 0005) through the facade, asserted in both
 * stores: the online record via GetRecord, the offline rows via DuckDB over the Parquet files.
 */
class WritePathIT {
    private static final Set<TargetStore> BOTH = Set.of();

    @TempDir
    Path workspace;
    private FeatureStore store;

    private RecordOperations open() {
        store = Workspace.open(workspace);
        store.createFeatureGroup(WritePathGroups.customers());
        return store.records();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void newerEventTimeUpdatesOnlineAndAppendsAnOfflineRow() {
        RecordOperations records = open();
        records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:00:00Z", 30, 0.5, "Lyon"), BOTH, null);
        PutResult newer = records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T11:00:00Z", 31, 0.75, "Nice"),
                BOTH, null);
        records.flush(CUSTOMERS);

        assertEquals(WriteOutcome.NEWER_WRITTEN, newer.online());
        assertTrue(newer.offlineQueued());
        OnlineRecord online = records.getRecord(CUSTOMERS, "c1", null).orElseThrow();
        assertEquals(Instant.parse("2024-05-01T11:00:00Z"), online.eventTime());
        assertEquals(Map.of("customer_id", "c1", "event_time", "2024-05-01T11:00:00Z", "age", 31L, "score", 0.75,
                "city", "Nice"), online.values());
        List<Map<String, Object>> offline = new OfflineRows(store).all(CUSTOMERS, "event_time");
        assertEquals(List.of("2024-05-01T10:00:00Z", "2024-05-01T11:00:00Z"),
                offline.stream().map(r -> r.get("event_time")).toList());
        Map<String, Object> last = offline.get(1);
        assertEquals(31L, last.get("age"));
        assertEquals(0.75, last.get("score"));
        assertEquals("Nice", last.get("city"));
        assertEquals(false, last.get("is_deleted"));
    }

    @Test
    void olderEventTimeLeavesOnlineUnchangedAndIsOfflineHistory() {
        RecordOperations records = open();
        records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T11:00:00Z", 31, 0.75, "Nice"), BOTH, null);
        PutResult older = records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T09:00:00Z", 29, 0.25, "Metz"),
                BOTH, null);
        records.flush(CUSTOMERS);

        assertEquals(WriteOutcome.OLDER_IGNORED, older.online());
        OnlineRecord online = records.getRecord(CUSTOMERS, "c1", null).orElseThrow();
        assertEquals("Nice", online.value("city"));
        assertEquals(Instant.parse("2024-05-01T11:00:00Z"), online.eventTime());
        List<Map<String, Object>> offline = new OfflineRows(store).all(CUSTOMERS, "event_time");
        assertEquals(2, offline.size());
        assertEquals("Metz", offline.get(0).get("city"), "the older version is kept as history");
        assertEquals(29L, offline.get(0).get("age"));
        assertEquals("09", offline.get(0).get("hour"), "history lands in its own event-time partition");
    }

    @Test
    void equalEventTimeOverwritesOnlineAndTheLaterRowWinsOffline() throws InterruptedException {
        RecordOperations records = open();
        records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:00:00Z", 30, 0.5, "Lyon"), BOTH, null);
        Thread.sleep(2); // distinct api_invocation_time milliseconds, so the offline order is defined
        PutResult equal = records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:00:00Z", 40, 1.5, "Brest"),
                BOTH, null);
        records.flush(CUSTOMERS);

        assertEquals(WriteOutcome.EQUAL_OVERWRITTEN, equal.online());
        assertEquals("Brest", records.getRecord(CUSTOMERS, "c1", null).orElseThrow().value("city"));
        List<Map<String, Object>> offline = new OfflineRows(store).all(CUSTOMERS, "event_time");
        assertEquals(2, offline.size(), "both versions are kept offline");
        Instant first = (Instant) offline.get(0).get("api_invocation_time");
        Instant second = (Instant) offline.get(1).get("api_invocation_time");
        assertTrue(second.isAfter(first));
        assertEquals("Brest", offline.get(1).get("city"), "the latest row by api_invocation_time is the online one");
    }

    @Test
    void onlineOnlyTargetWritesNoOfflineRow() {
        RecordOperations records = open();
        PutResult result = records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:00:00Z", 30, 0.5, "Lyon"),
                EnumSet.of(TargetStore.ONLINE_STORE), null);

        assertFalse(result.offlineQueued());
        assertEquals(0, records.stats(CUSTOMERS).pendingOffline());
        assertEquals(0, records.flush(CUSTOMERS).rows());
        assertEquals(0, records.stats(CUSTOMERS).offline().rows());
        assertEquals("Lyon", records.getRecord(CUSTOMERS, "c1", null).orElseThrow().value("city"));
    }

    @Test
    void offlineOnlyTargetLeavesOnlineUntouched() {
        RecordOperations records = open();
        records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:00:00Z", 30, 0.5, "Lyon"), BOTH, null);
        PutResult result = records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T12:00:00Z", 50, 2.5, "Caen"),
                EnumSet.of(TargetStore.OFFLINE_STORE), null);
        records.putRecord(CUSTOMERS, customer("c2", "2024-05-01T12:00:00Z", 20, 0.1, "Pau"),
                EnumSet.of(TargetStore.OFFLINE_STORE), null);
        records.flush(CUSTOMERS);

        assertEquals(null, result.online());
        assertEquals("Lyon", records.getRecord(CUSTOMERS, "c1", null).orElseThrow().value("city"));
        assertTrue(records.getRecord(CUSTOMERS, "c2", null).isEmpty(), "an offline-only put creates no online row");
        assertEquals(List.of("Lyon", "Caen", "Pau"), new OfflineRows(store).all(CUSTOMERS, "event_time").stream()
                .map(r -> r.get("city")).toList());
    }

    @Test
    void offlineOnlyGroupTakesPutsAndRefusesAnOnlineTarget() {
        store = Workspace.open(workspace);
        store.createFeatureGroup(WritePathGroups.customers(OnlineStoreConfig.DISABLED, OfflineStoreConfig.ENABLED));
        RecordOperations records = store.records();

        PutResult result = records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:00:00Z", 30, 0.5, "Lyon"),
                BOTH, null);
        records.flush(CUSTOMERS);

        assertEquals(null, result.online());
        assertEquals(1, new OfflineRows(store).all(CUSTOMERS, "event_time").size());
        assertThrows(ValidationException.class,
                () -> records.putRecord(CUSTOMERS, customer("c2", "2024-05-01T10:00:00Z", 1, 1, "x"),
                        EnumSet.of(TargetStore.ONLINE_STORE), null));
    }
}
