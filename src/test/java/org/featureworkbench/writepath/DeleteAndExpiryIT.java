package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.featureworkbench.writepath.WritePathGroups.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.RecordOperations;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureType;
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

/** DeleteRecord and TTL expiry through the facade, asserted online and in the offline Parquet files. */
class DeleteAndExpiryIT {
    private static final Set<TargetStore> BOTH = Set.of();

    @TempDir
    Path workspace;
    private FeatureStore store;
    private RecordOperations records;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        store.createFeatureGroup(WritePathGroups.customers());
        records = store.records();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void softDeleteHidesTheRecordAndAppendsADeleteMarker() {
        records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:00:00Z", 30, 0.5, "Lyon"), BOTH, null);
        boolean hidden = records.deleteRecord(CUSTOMERS, "c1", "2024-05-01T10:30:00Z", DeletionMode.SOFT_DELETE, BOTH);
        records.flush(CUSTOMERS);

        assertTrue(hidden);
        assertTrue(records.getRecord(CUSTOMERS, "c1", null).isEmpty());
        List<Map<String, Object>> offline = new OfflineRows(store).all(CUSTOMERS, "event_time");
        assertEquals(2, offline.size());
        assertDeleteMarker(offline.get(1), "c1", "2024-05-01T10:30:00Z");
    }

    @Test
    void hardDeleteRemovesTheRowAndAppendsADeleteMarker() {
        records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:00:00Z", 30, 0.5, "Lyon"), BOTH, null);
        boolean removed = records.deleteRecord(CUSTOMERS, "c1", "1714561200", DeletionMode.HARD_DELETE, BOTH);
        // With the row gone, even an older put is written again (nothing newer is stored).
        records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T09:00:00Z", 29, 0.25, "Metz"), BOTH, null);
        records.flush(CUSTOMERS);

        assertTrue(removed);
        assertEquals("Metz", records.getRecord(CUSTOMERS, "c1", null).orElseThrow().value("city"));
        List<Map<String, Object>> offline = new OfflineRows(store).all(CUSTOMERS, "event_time");
        assertEquals(3, offline.size());
        // 1714561200 = 2024-05-01T11:00:00Z: given as epoch seconds, stored in the event time feature's own form.
        assertDeleteMarker(offline.get(2), "c1", "2024-05-01T11:00:00Z");
    }

    @Test
    void hardDeleteNotNewerThanTheStoredRecordFailsAndWritesNothing() {
        records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:00:00Z", 30, 0.5, "Lyon"), BOTH, null);
        records.flush(CUSTOMERS);

        ValidationException equal = assertThrows(ValidationException.class, () -> records.deleteRecord(CUSTOMERS,
                "c1", "2024-05-01T10:00:00Z", DeletionMode.HARD_DELETE, BOTH));
        ValidationException older = assertThrows(ValidationException.class, () -> records.deleteRecord(CUSTOMERS,
                "c1", "2024-05-01T09:00:00Z", DeletionMode.HARD_DELETE, BOTH));

        assertEquals("EventTime", equal.field());
        assertEquals("EventTime", older.field());
        assertEquals(0, records.stats(CUSTOMERS).pendingOffline(), "no delete marker was queued");
        assertEquals(0, records.flush(CUSTOMERS).rows());
        assertEquals(1, new OfflineRows(store).all(CUSTOMERS, "event_time").size());
        assertEquals("Lyon", records.getRecord(CUSTOMERS, "c1", null).orElseThrow().value("city"));
    }

    @Test
    void expiredRecordIsInvisibleAtOnceAndItsPurgeLeavesAMarkerAtTheExpiry() throws InterruptedException {
        Instant eventTime = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String event = EventTimes.format(eventTime, FeatureType.STRING);
        records.putRecord(CUSTOMERS, customer("c1", event, 30, 0.5, "Lyon"), BOTH,
                new TtlDuration(TtlUnit.MINUTES, 10));

        assertTrue(records.getRecord(CUSTOMERS, "c1", null).isEmpty(), "expired before the purge ran");
        // The background tick (every second, purging from 5 s after the open) purges the row and queues the marker.
        List<Map<String, Object>> offline = List.of();
        for (int attempt = 0; attempt < 200 && offline.size() < 2; attempt++) {
            Thread.sleep(100);
            records.flush(CUSTOMERS);
            offline = new OfflineRows(store).all(CUSTOMERS, "event_time");
        }
        assertEquals(2, offline.size(), "the put and the purge's delete marker");
        assertEquals("Lyon", offline.get(0).get("city"));
        assertDeleteMarker(offline.get(1), "c1", EventTimes.format(eventTime.plus(10, ChronoUnit.MINUTES),
                FeatureType.STRING));
        assertEquals(0, records.stats(CUSTOMERS).onlineRecords());
    }

    @Test
    void deleteMarkerOfAnIntegralIdGroupKeepsTheIdTypeAndFractionalEventTime() {
        store.createFeatureGroup(WritePathGroups.orders());
        records.putRecord("orders", Record.builder().put("order_id", "42").put("placed_at", "1714557600.25")
                .put("amount", "9.5").build(), BOTH, null);
        records.deleteRecord("orders", "42", "1714557601.5", DeletionMode.SOFT_DELETE, BOTH);
        records.flush("orders");

        List<Map<String, Object>> offline = new OfflineRows(store).all("orders", "placed_at");
        assertEquals(2, offline.size());
        assertEquals(42L, offline.get(1).get("order_id"));
        assertEquals(1714557601.5, offline.get(1).get("placed_at"));
        assertEquals(true, offline.get(1).get("is_deleted"));
        assertNull(offline.get(1).get("amount"));
        assertEquals(1714557600.25, offline.get(0).get("placed_at"));
        assertFalse((Boolean) offline.get(0).get("is_deleted"));
    }

    private static void assertDeleteMarker(Map<String, Object> row, String id, String eventTime) {
        assertEquals(true, row.get("is_deleted"));
        assertEquals(id, row.get("customer_id"));
        assertEquals(eventTime, row.get("event_time"));
        assertNull(row.get("age"));
        assertNull(row.get("score"));
        assertNull(row.get("city"));
    }
}
