package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.featureworkbench.writepath.WritePathGroups.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.RecordOperations;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes under concurrency: many threads put and delete at once, yet every caller gets its
 * own outcome — a failing write (here a HardDelete with a too-old event time, refused after it
 * locked its row) fails alone and undoes only itself — and every acknowledged put is durable:
 * it is there after the store is closed and the workspace reopened.
 */
class ConcurrentWritesIT {
    private static final Set<TargetStore> BOTH = Set.of();
    private static final int THREADS = 8;
    private static final int PUTS_PER_THREAD = 150;

    @TempDir
    Path workspace;

    @Test
    void concurrentCallersKeepTheirOwnOutcomes() throws Exception {
        AtomicInteger refused = new AtomicInteger();
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(WritePathGroups.customers());
            RecordOperations records = store.records();
            records.putRecord(CUSTOMERS, customer("anchor", "2024-05-01T12:00:00Z", 1, 0.5, "Lyon"), BOTH, null);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    for (int i = 0; i < PUTS_PER_THREAD; i++) {
                        records.putRecord(CUSTOMERS, customer("t" + thread + "-" + i, "2024-05-01T10:00:00Z", i, 0.5,
                                "city" + i), BOTH, null);
                        if (i % 10 == 0) {
                            try {
                                records.deleteRecord(CUSTOMERS, "anchor", "2024-05-01T11:00:00Z",
                                        DeletionMode.HARD_DELETE, BOTH);
                            } catch (ValidationException expected) {
                                refused.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
            pool.shutdown();
        }
        assertEquals(THREADS * (PUTS_PER_THREAD / 10), refused.get(), "every too-old hard delete is refused");

        try (FeatureStore reopened = Workspace.open(workspace)) {
            RecordOperations records = reopened.records();
            assertTrue(records.getRecord(CUSTOMERS, "anchor", null).isPresent(), "refused deletes changed nothing");
            for (int t = 0; t < THREADS; t++) {
                for (int i = 0; i < PUTS_PER_THREAD; i++) {
                    assertEquals("city" + i, records.getRecord(CUSTOMERS, "t" + t + "-" + i, null).orElseThrow()
                            .values().get("city"));
                }
            }
            // The close flushed the journal: one offline row per put, none for the refused deletes.
            assertEquals(1 + THREADS * PUTS_PER_THREAD, reopened.records().stats(CUSTOMERS).offline().rows());
        }
    }
}
