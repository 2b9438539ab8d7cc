package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.GroupChangingException;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AddFeatures on a group that is being written. H2's ADD COLUMN copies the table and puts the copy
 * in under the old name without keeping writers out: measured on H2 alone, 79,198 inserts and
 * updates committed during a copy and 105 of them were in the table afterwards. The store
 * publishes the new definition first and every put checks the definition it wrote with before
 * it commits, so a put during the copy is refused ("features are being added", retryable), never
 * acknowledged and lost (ADR 0021 addendum 4).
 */
class WritesWhileFeaturesAreAddedTest {
    private static final int RECORDS = 60_000;

    @TempDir
    Path dir;

    @Test
    void everyPutAcknowledgedWhileFeaturesAreAddedIsStored() throws Exception {
        try (FeatureStore store = Workspace.open(dir.resolve("ws"))) {
            store.createFeatureGroup(Definitions.customers("customers"));
            store.ingest().ingest(IngestRequest.of("customers", customersCsv()), IngestListener.NONE);

            AtomicBoolean adding = new AtomicBoolean(true);
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger refused = new AtomicInteger();
            ConcurrentLinkedQueue<String> otherFailures = new ConcurrentLinkedQueue<>();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int n = 0; adding.get(); n++) {
                    String id = n % 2 == 0 ? "new" + n : "c" + n;
                    String age = String.valueOf(1000 + n);
                    try {
                        store.records().putRecord("customers", Record.builder().put("customer_id", id)
                                .put("event_time", "2030-06-01T00:00:00Z").put("age", age).build(), Set.of(), null);
                        acknowledged.put(id, age);
                    } catch (GroupChangingException e) {
                        refused.incrementAndGet();
                    } catch (RuntimeException e) {
                        otherFailures.add(e.getMessage());
                    }
                }
            });
            // Reads go on with the columns the table has while H2 copies it (ADR 0021 addendum 7).
            AtomicInteger reads = new AtomicInteger();
            ConcurrentLinkedQueue<String> readFailures = new ConcurrentLinkedQueue<>();
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                for (int n = 0; adding.get(); n++) {
                    String id = "c" + (n * 7919 % RECORDS);
                    try {
                        if (store.records().getRecord("customers", id, null).isEmpty()) {
                            readFailures.add(id + " not found");
                        }
                        reads.incrementAndGet();
                    } catch (RuntimeException e) {
                        readFailures.add(id + ": " + e.getMessage());
                    }
                }
            });
            long start = System.nanoTime();
            store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.STRING)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            adding.set(false);
            writer.get(30, TimeUnit.SECONDS);
            reader.get(30, TimeUnit.SECONDS);
            assertEquals(List.of(), new ArrayList<>(readFailures).subList(0, Math.min(3, readFailures.size())),
                    readFailures.size() + " of " + (reads.get() + readFailures.size()) + " reads failed");
            assertTrue(reads.get() > 20, "reads ran during the " + millis + " ms of the addition: " + reads.get());

            assertEquals(List.of(), new ArrayList<>(otherFailures).subList(0, Math.min(3, otherFailures.size())));
            assertTrue(acknowledged.size() + refused.get() > 20, "puts ran during the " + millis + " ms of the"
                    + " addition: " + acknowledged.size() + " acknowledged, " + refused.get() + " refused");
            List<String> lost = new ArrayList<>();
            acknowledged.forEach((id, age) -> {
                Optional<OnlineRecord> stored = store.records().getRecord("customers", id, null);
                if (stored.isEmpty() || !age.equals(String.valueOf(stored.get().values().get("age")))) {
                    lost.add(id);
                }
            });
            assertEquals(List.of(), lost.subList(0, Math.min(5, lost.size())), lost.size() + " of "
                    + acknowledged.size() + " acknowledged puts are not in the online store");

            OnlineRecord after = store.records().getRecord("customers", "c7", null).orElseThrow();
            assertNull(after.values().get("segment"), "no stored record has a value of the new feature");
            store.records().putRecord("customers", Record.builder().put("customer_id", "c7")
                    .put("event_time", "2031-01-01T00:00:00Z").put("age", "8").put("segment", "north").build(),
                    Set.of(), null);
            assertEquals("north", store.records().getRecord("customers", "c7", null).orElseThrow().values()
                    .get("segment"), "the new feature is written and read");
        }
    }

    @Test
    void aRefusedAdditionLeavesTableAndCatalogAsTheyWere() throws Exception {
        try (FeatureStore store = Workspace.open(dir.resolve("ws"))) {
            store.createFeatureGroup(Definitions.customers("customers"));
            store.records().putRecord("customers", Record.builder().put("customer_id", "c1")
                    .put("event_time", "2030-01-01T00:00:00Z").put("age", "41").build(), Set.of(), null);
            // "age" exists: refused before any column is added
            assertThrows(ValidationException.class, () -> store.addFeatures("customers", List.of(
                    new FeatureDefinition("segment", FeatureType.STRING), new FeatureDefinition("age", FeatureType.STRING))));
            assertEquals(4, store.describeFeatureGroup("customers").definition().features().size());
            String table = org.featureworkbench.online.H2OnlineStore.tableName(store.describeFeatureGroup("customers"));
            assertEquals(0, columnsNamed(table, "segment"), "the refused addition added no column");
            store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.INTEGRAL)));
            assertEquals(1, columnsNamed(table, "segment"));
            store.records().putRecord("customers", Record.builder().put("customer_id", "c1")
                    .put("event_time", "2031-01-01T00:00:00Z").put("age", "42").put("segment", "7").build(), Set.of(), null);
            assertEquals("7", String.valueOf(store.records().getRecord("customers", "c1", null).orElseThrow().values()
                    .get("segment")));
        }
    }

    @Test
    void columnsLeftByAnAttemptThatFailedBeforePublishingAreKept() throws Exception {
        try (FeatureStore store = Workspace.open(dir.resolve("ws"))) {
            store.createFeatureGroup(Definitions.customers("customers"));
            String table = org.featureworkbench.online.H2OnlineStore.tableName(store.describeFeatureGroup("customers"));
            // as a process that died after its ALTER and before the catalog commit leaves it
            try (var c = java.sql.DriverManager.getConnection(Workspace.jdbcUrl(dir.resolve("ws")), "fwb", "");
                 var s = c.createStatement()) {
                s.execute("ALTER TABLE \"" + table + "\" ADD COLUMN \"segment\" VARCHAR");
            }
            store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.STRING),
                    new FeatureDefinition("tier", FeatureType.INTEGRAL)));
            assertEquals(1, columnsNamed(table, "segment"));
            assertEquals(1, columnsNamed(table, "tier"));
            store.records().putRecord("customers", Record.builder().put("customer_id", "c1")
                    .put("event_time", "2031-01-01T00:00:00Z").put("age", "42").put("segment", "north")
                    .put("tier", "3").build(), Set.of(), null);
            var values = store.records().getRecord("customers", "c1", null).orElseThrow().values();
            assertEquals("north", values.get("segment"));
            assertEquals("3", String.valueOf(values.get("tier")));
        }
    }

    private int columnsNamed(String table, String column) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(Workspace.jdbcUrl(dir.resolve("ws")), "fwb", "");
             var ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ?"
                     + " AND COLUMN_NAME = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Path customersCsv() throws Exception {
        StringBuilder csv = new StringBuilder("customer_id,event_time,age,score\n");
        for (int i = 0; i < RECORDS; i++) {
            csv.append('c').append(i).append(",2030-01-01T00:00:00Z,").append(20 + i % 50).append(',')
                    .append(i % 100 / 10.0).append('\n');
        }
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, csv);
        return file;
    }
}
