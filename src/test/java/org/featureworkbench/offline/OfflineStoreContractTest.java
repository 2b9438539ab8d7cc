package org.featureworkbench.offline;

import org.featureworkbench.model.OfflineStoreStats;

import static org.featureworkbench.offline.OfflineTestGroups.customers;
import static org.featureworkbench.offline.OfflineTestGroups.row;
import static org.featureworkbench.offline.OfflineTestGroups.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link OfflineStore} must do, read back the way users read it (DuckDB over the
 * store's glob). Subclasses supply the store.
 */
abstract class OfflineStoreContractTest {
    @TempDir
    Path workspace;

    OfflineStore store;
    DuckDbOfflineReader reader;

    /** A fresh store rooted at {@code root}. */
    protected abstract OfflineStore createStore(Path root);

    @BeforeEach
    void openStore() {
        store = createStore(workspace.resolve("offline-store"));
        reader = new DuckDbOfflineReader(store);
    }

    @Test
    void theChangeTokenChangesWithEveryChangeOfTheFilesAndOnlyThen() throws Exception {
        FeatureGroup group = customers(FeatureType.STRING);
        String initial = store.changeToken(group);
        store.append(group, List.of(row(group, "c1", 42, 0.5, "Paris", "2024-03-01T10:15:00Z")));
        String afterAppend = store.changeToken(group);
        assertNotEquals(initial, afterAppend);
        assertEquals(afterAppend, store.changeToken(group), "stable while nothing changes");
        // Another store object on the same folder stands for another process.
        OfflineStore other = createStore(workspace.resolve("offline-store"));
        assertEquals(afterAppend, other.changeToken(group));
        other.append(group, List.of(row(group, "c2", 7, 1.5, "Lyon", "2024-03-01T10:20:00Z")));
        String afterOther = store.changeToken(group);
        assertNotEquals(afterAppend, afterOther);
        store.compact(group);
        assertNotEquals(afterOther, store.changeToken(group));
        try (OfflineBulkAppend bulk = store.openBulkAppend(group, java.time.Instant.now())) {
            String beforePublish = store.changeToken(group);
            OfflineRow r = row(group, "c3", 1, 2.0, "Nice", "2024-03-02T00:00:00Z");
            bulk.add(group.features().stream().map(f -> r.values().get(f.name())).toArray(), r.eventTime().toEpochMilli());
            bulk.publish();
            assertNotEquals(beforePublish, store.changeToken(group));
        }
    }

    @Test
    void typedValuesReadBackAsWritten() {
        FeatureGroup group = customers(FeatureType.STRING);
        AppendResult result = store.append(group, List.of(row(group, "c1", 42, 0.5, "Paris", "2024-03-01T10:15:00Z")));

        List<Map<String, Object>> read = reader.readAll(group);
        assertEquals(1, read.size());
        Map<String, Object> r = read.get(0);
        assertEquals("c1", r.get("customer_id"));
        assertEquals(42L, r.get("age"));
        assertEquals(0.5, r.get("score"));
        assertEquals("Paris", r.get("city"));
        assertEquals(84L, r.get("order-count"));
        assertEquals("2024-03-01T10:15:00Z", r.get("EventTime"));
        assertEquals(OfflineTestGroups.API_TIME, r.get("api_invocation_time"));
        assertEquals(result.writeTime().truncatedTo(java.time.temporal.ChronoUnit.MICROS), r.get("write_time"));
        assertEquals(false, r.get("is_deleted"));
    }

    @Test
    void rowsInDifferentHoursGoToDifferentPartitions() {
        FeatureGroup group = customers(FeatureType.STRING);
        store.append(group, List.of(
                row(group, "a", 1, 1, "x", "2024-03-01T10:59:59Z"),
                row(group, "b", 2, 2, "x", "2024-03-01T11:00:00Z"),
                row(group, "c", 3, 3, "x", "2024-03-02T11:30:00Z")));

        Map<String, Object> byId = new TreeMap<>();
        for (Map<String, Object> r : reader.readAll(group)) {
            byId.put((String) r.get("customer_id"), r.get("day") + "/" + r.get("hour"));
        }
        // DuckDB keeps zero-padded hive values as VARCHAR, as SageMaker's folder names spell them.
        assertEquals(Map.of("a", "01/10", "b", "01/11", "c", "02/11"), byId);
        assertEquals(3, store.stats(group).partitions());
        assertEquals(3, store.stats(group).files());
    }

    @Test
    void deleteMarkerHasOnlyIdAndEventTime() {
        FeatureGroup group = customers(FeatureType.FRACTIONAL);
        Instant deletedAt = Instant.parse("2024-03-01T10:00:00.250Z");
        store.append(group, List.of(OfflineRow.deleteMarker(group.definition(), "c9", deletedAt, deletedAt)));

        Map<String, Object> r = reader.readAll(group).get(0);
        assertEquals(true, r.get("is_deleted"));
        assertEquals("c9", r.get("customer_id"));
        assertEquals(1709287200.25, r.get("EventTime"));
        assertNull(r.get("age"));
        assertNull(r.get("score"));
        assertNull(r.get("city"));
        assertNull(r.get("order-count"));
    }

    @Test
    void featureAddedLaterIsANewColumnAndOlderRowsReadNull() {
        FeatureGroup before = customers(FeatureType.STRING);
        store.append(before, List.of(row(before, "old", 1, 1, "x", "2024-03-01T10:00:00Z")));
        FeatureGroup after = OfflineTestGroups.withFeature(before, new FeatureDefinition("tier", FeatureType.STRING));
        Map<String, Object> values = new HashMap<>(row(after, "new", 2, 2, "y", "2024-03-01T10:30:00Z").values());
        values.put("tier", "gold");
        store.append(after, List.of(OfflineRow.of(after.definition(), values, Instant.now())));

        Map<String, Object> tiers = new TreeMap<>();
        reader.readAll(after).forEach(r -> tiers.put((String) r.get("customer_id"), r.get("tier")));
        assertEquals(2, tiers.size());
        assertNull(tiers.get("old"));
        assertEquals("gold", tiers.get("new"));
    }

    @Test
    void eventTimesOfEitherTypeLandInTheirHour() {
        FeatureGroup iso = customers(FeatureType.STRING);
        store.append(iso, List.of(
                row(iso, "s", 1, 1, "x", "2024-03-01T07:59:59Z"),
                row(iso, "ms", 1, 1, "x", "2024-03-01T08:00:00.001Z")));
        FeatureGroup fractional = OfflineTestGroups.group("fractional", OfflineTestGroups.CREATED,
                FeatureType.FRACTIONAL, List.of());
        Map<String, Object> values = new HashMap<>(Map.of("customer_id", "f", "EventTime", 1709276399.999));
        store.append(fractional, List.of(OfflineRow.of(fractional.definition(), values, Instant.now())));

        Map<String, Object> hours = new TreeMap<>();
        reader.readAll(iso).forEach(r -> hours.put((String) r.get("customer_id"), r.get("hour")));
        reader.readAll(fractional).forEach(r -> hours.put((String) r.get("customer_id"), r.get("hour")));
        // 1709276399.999 = 2024-03-01T06:59:59.999Z
        assertEquals(Map.of("s", "07", "ms", "08", "f", "06"), hours);
    }

    @Test
    void compactionLeavesOneFilePerPartitionWithTheSameRows() {
        FeatureGroup group = customers(FeatureType.STRING);
        for (int batch = 0; batch < 3; batch++) {
            store.append(group, rows(group, "b" + batch + "-", 200, 4));
        }
        List<String> before = canonicalRows(group);
        OfflineStoreStats statsBefore = store.stats(group);
        assertEquals(12, statsBefore.files());

        store.compact(group);

        OfflineStoreStats statsAfter = store.stats(group);
        assertEquals(4, statsAfter.files());
        assertEquals(statsBefore.partitions(), statsAfter.partitions());
        assertEquals(statsBefore.rows(), statsAfter.rows());
        assertEquals(statsBefore.lastWriteTime(), statsAfter.lastWriteTime());
        assertEquals(before, canonicalRows(group));
    }

    @Test
    void readersDuringCompactionAlwaysSeeEveryRowExactlyOnce() throws Exception {
        FeatureGroup group = customers(FeatureType.STRING);
        for (int batch = 0; batch < 6; batch++) {
            store.append(group, rows(group, "b" + batch + "-", 50, 2));
        }
        String sql = "SELECT count(*) AS n FROM " + DuckDbOfflineReader.VIEW;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> compaction = pool.submit(() -> store.compact(group));
            List<Object> counts = new ArrayList<>();
            do {
                counts.add(reader.query(group, sql).get(0).get("n"));
            } while (!compaction.isDone());
            compaction.get();
            counts.add(reader.query(group, sql).get(0).get("n"));
            assertTrue(counts.stream().allMatch(n -> n.equals(300L)), counts.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(2, store.stats(group).files());
    }

    @Test
    void concurrentAppendsFromFourThreadsLoseNothing() throws Exception {
        FeatureGroup group = customers(FeatureType.STRING);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AppendResult>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String prefix = "t" + t + "-";
                for (int batch = 0; batch < 5; batch++) {
                    List<OfflineRow> batchRows = rows(group, prefix + batch + "-", 100, 2);
                    futures.add(pool.submit(() -> store.append(group, batchRows)));
                }
            }
            for (Future<AppendResult> f : futures) {
                assertEquals(100, f.get().rows());
            }
        } finally {
            pool.shutdown();
        }
        List<Map<String, Object>> count = reader.query(group,
                "SELECT count(*) AS n, count(DISTINCT customer_id) AS ids FROM " + DuckDbOfflineReader.VIEW);
        assertEquals(2000L, count.get(0).get("n"));
        assertEquals(2000L, count.get(0).get("ids"));
        assertEquals(2000, store.stats(group).rows());
    }

    @Test
    void aGroupRecreatedWithAnotherCreationTimeIsSeparate() {
        FeatureGroup first = customers(FeatureType.STRING);
        FeatureGroup second = OfflineTestGroups.group("customers", OfflineTestGroups.CREATED.plusSeconds(3600),
                FeatureType.STRING, List.of());
        store.append(first, rows(first, "first-", 10, 1));
        store.append(second, rows(second, "second-", 3, 1));

        assertEquals("customers-1704067200", store.groupDirectory(first).getFileName().toString());
        assertEquals("customers-1704070800", store.groupDirectory(second).getFileName().toString());
        assertEquals(10, reader.readAll(first).size());
        assertEquals(3, reader.readAll(second).size());

        store.purge(first);
        assertFalse(Files.exists(store.groupDirectory(first)));
        assertEquals(OfflineStoreStats.EMPTY, store.stats(first));
        assertEquals(3, store.stats(second).rows());
    }

    @Test
    void aValueOfTheWrongTypePublishesNothing() {
        FeatureGroup group = customers(FeatureType.STRING);
        Map<String, Object> bad = new HashMap<>(row(group, "bad", 1, 1, "x", "2024-03-02T10:00:00Z").values());
        bad.put("age", "forty");
        List<OfflineRow> rows = new ArrayList<>(rows(group, "ok-", 10, 1));
        rows.add(OfflineRow.of(group.definition(), bad, Instant.now()));

        ValidationException e = assertThrows(ValidationException.class, () -> store.append(group, rows));
        assertEquals("age", e.field());
        assertEquals(0, store.stats(group).files());
        assertTrue(reader.readAll(group).isEmpty());
    }

    @Test
    void anUnknownFeatureIsRejected() {
        FeatureGroup group = customers(FeatureType.STRING);
        Map<String, Object> values = new HashMap<>(row(group, "x", 1, 1, "x", "2024-03-02T10:00:00Z").values());
        values.put("colour", "red");
        OfflineRow row = OfflineRow.of(group.definition(), values, Instant.now());

        ValidationException e = assertThrows(ValidationException.class, () -> store.append(group, List.of(row)));
        assertEquals("colour", e.field());
    }

    @Test
    void anEmptyAppendWritesNoFile() {
        FeatureGroup group = customers(FeatureType.STRING);
        assertEquals(0, store.append(group, List.of()).files().size());
        assertEquals(OfflineStoreStats.EMPTY, store.stats(group));
    }

    /** Every row as a sorted string of its feature and bookkeeping columns: a multiset to compare. */
    List<String> canonicalRows(FeatureGroup group) {
        return reader.readAll(group).stream()
                .map(r -> new TreeMap<>(r).toString())
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void anExactlyOnceAppendRepeatedAfterCompactionWritesNothingAgain() {
        // Issue 12, finding 8: compaction merged the file carrying the token under a new name, so a
        // settle repeated after a crash found no token and published every row a second time.
        FeatureGroup group = customers(FeatureType.STRING);
        List<OfflineRow> segment = rows(group, "s", 60, 3);
        String token = "Tok0123456789abc";
        store.appendOnce(group, segment, token);
        store.append(group, rows(group, "other", 30, 3));
        store.compact(group);
        assertEquals(3, store.stats(group).files());

        AppendResult again = store.appendOnce(group, segment, token);

        assertEquals(0, again.rows());
        assertEquals(List.of(), again.files());
        assertEquals(90, store.stats(group).rows());
        // A new token still publishes.
        assertEquals(60, store.appendOnce(group, segment, "Tok0123456789xyz").rows());
    }
}
