package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.featureworkbench.writepath.WritePathGroups.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.RecordOperations;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 7: after many records passed their TTL, the purge ran in the way of the next
 * commands (a delete took 6.4 s). The background purge works in bounded rounds and steps aside
 * whenever a put or delete waits for the writer, so a command waits at most for one record's purge.
 */
class ExpiryOffTheCommandPathIT {
    private static final int EXPIRED = 10_000;

    @TempDir
    Path workspace;

    @Test
    void deletesAndPutsDoNotWaitForThePurgeOfManyExpiredRecords() {
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(WritePathGroups.customers(
                    new OnlineStoreConfig(true, new TtlDuration(TtlUnit.MINUTES, 1)), OfflineStoreConfig.ENABLED));
            RecordOperations records = store.records();
            // Written while still alive (so the puts themselves meet no purge), all expiring together.
            Instant eventTime = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(54);
            for (int i = 0; i < EXPIRED; i++) {
                records.putRecord(CUSTOMERS, customer("old" + i, eventTime.toString(), i, 0, "x"), Set.of(), null);
            }
            sleep(Math.max(0, eventTime.plusSeconds(61).toEpochMilli() - System.currentTimeMillis()));
            long slowestMs = 0;
            long started = System.nanoTime();
            int commands = 0;
            // While the background tick purges (it starts within a second), time commands.
            while (System.nanoTime() - started < 4_000_000_000L) {
                String id = "new" + commands;
                long t0 = System.nanoTime();
                records.putRecord(CUSTOMERS, customer(id, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), 1, 1,
                        "y"), Set.of(), null);
                records.deleteRecord(CUSTOMERS, id, Long.toString(Instant.now().getEpochSecond() + 1),
                        DeletionMode.SOFT_DELETE, Set.of());
                slowestMs = Math.max(slowestMs, (System.nanoTime() - t0) / 1_000_000);
                commands++;
                sleep(5);
            }
            records.flush(CUSTOMERS);
            // Every purge leaves a delete marker offline: the purge did run while the commands did.
            long purged = records.stats(CUSTOMERS).offline().rows() - EXPIRED - 2L * commands;
            assertTrue(purged > 0, "the purge never ran");
            assertTrue(slowestMs < 1_000, "a put and a delete took " + slowestMs + " ms while the purge ran ("
                    + purged + " purged)");
            assertTrue(commands > 50, "only " + commands + " commands in 4 s");
            assertEquals(0, records.stats(CUSTOMERS).onlineRecords(), "expired and deleted records are never readable");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
