package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.GroupChangingException;
import org.featureworkbench.model.Record;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.testing.OnlineTableBehindTheStore;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The waiting put of the facade (for the CLI and the GUI, ADR 0021 addendum 8): it says once that
 * it waits, is written when the table has the new column, and a stopped wait writes nothing. The
 * copy is stood for by the new column dropped behind the store's back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a failed ALTER would otherwise leave the put waiting 5 minutes
class WriteWaitingForAddedFeaturesTest {
    @TempDir
    Path workspace;

    @Test
    void aWaitingPutIsWrittenOnceTheColumnIsThereAndSaysSoOnce() throws Exception {
        try (FeatureStore store = Workspace.open(workspace)) {
            String table = customersWithSegmentNotInTheTable(store);
            List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicBoolean alterStarted = new AtomicBoolean();
            CompletableFuture<Void> columnBack = new CompletableFuture<>();

            store.records().putRecord("customers", record("2030-02-01T00:00:00Z", "42", "gold"), Set.of(), null,
                    message -> {
                        told.add(message);
                        CompletableFuture.runAsync(() -> {
                            sleep(300);
                            alterStarted.set(true);
                            alter(table, "ADD COLUMN \"segment\" VARCHAR");
                            columnBack.complete(null);
                        });
                    });

            // Not columnBack.isDone(): the put may see the committed column before the ALTER's session
            // has closed and the future is completed (CI failed that way once on a loaded machine).
            assertTrue(alterStarted.get(), "the put returned only after the column was being added");
            columnBack.get(30, TimeUnit.SECONDS);
            assertEquals(List.of("the put of record 'c1' waits: features are being added to feature group 'customers',"
                    + " and it is done once the online table has them"), told);
            assertEquals("gold", store.records().getRecord("customers", "c1", null).orElseThrow().value("segment"));
        }
    }

    @Test
    void aStoppedWaitWritesNothingAndSaysSo() throws Exception {
        try (FeatureStore store = Workspace.open(workspace)) {
            customersWithSegmentNotInTheTable(store);
            CountDownLatch waiting = new CountDownLatch(1);
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    store.records().putRecord("customers", record("2030-02-01T00:00:00Z", "42", "gold"), Set.of(),
                            null, message -> waiting.countDown());
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });
            writer.start();
            assertTrue(waiting.await(10, TimeUnit.SECONDS), "the put said it waits");
            writer.interrupt(); // as when the process closes
            writer.join(10_000);

            assertTrue(failure.get() instanceof FeatureStoreException
                    && !(failure.get() instanceof GroupChangingException), String.valueOf(failure.get()));
            assertTrue(failure.get().getMessage().contains("was stopped while it waited for features being added to"
                    + " feature group 'customers'; nothing was written"), failure.get().getMessage());
            assertEquals(41L, ((Number) store.records().getRecord("customers", "c1", null).orElseThrow().value("age"))
                    .longValue(), "the record as it was");
        }
    }

    private static Record record(String eventTime, String age, String segment) {
        return Record.builder().put("customer_id", "c1").put("event_time", eventTime).put("age", age)
                .put("segment", segment).build();
    }

    /** c1 stored, then the feature 'segment' added to the catalog and its column dropped behind the store's back. */
    private String customersWithSegmentNotInTheTable(FeatureStore store) {
        store.createFeatureGroup(Definitions.customers("customers"));
        store.records().putRecord("customers", Record.builder().put("customer_id", "c1")
                .put("event_time", "2030-01-01T00:00:00Z").put("age", "41").build(), Set.of(), null);
        store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.STRING)));
        String table = OnlineTableBehindTheStore.of(store, "customers");
        alter(table, "DROP COLUMN \"segment\"");
        return table;
    }

    private void alter(String table, String change) {
        OnlineTableBehindTheStore.alter(workspace, table, change);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
