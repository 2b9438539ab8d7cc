package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.featureworkbench.writepath.WritePathGroups.customer;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 7: after the sample's records passed their TTL, the next commands paid for the
 * purge (a {@code delete} took 6.4 s, a {@code get} 3.5 s): the background purge took the writer
 * for one record after another, overtaking a waiting command each time, and closing the store
 * waited for the whole round and then for publishing its delete markers. Now a process purges only
 * from 5 s after it opened the workspace (a short command never does), in bounded rounds that step
 * aside for a waiting put or delete and stop when the store closes. Run as the issue saw it: a
 * fresh JVM, its commands a second after it opened the workspace.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExpiryOffTheCommandPathIT {
    private static final int EXPIRED = 4_000;

    @TempDir
    Path workspace;

    @Test
    void aCommandRunningWhileThePurgeWorksNeitherWaitsForItNorForItToEnd() throws Exception {
        Instant eventTime = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(55);
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(WritePathGroups.customers(
                    new OnlineStoreConfig(true, new TtlDuration(TtlUnit.MINUTES, 1)), OfflineStoreConfig.ENABLED));
            for (int i = 0; i < EXPIRED; i++) {
                store.records().putRecord(CUSTOMERS, customer("old" + i, eventTime.toString(), i, 0, "x"), Set.of(),
                        null);
            }
        }
        Thread.sleep(Math.max(0, eventTime.plusSeconds(61).toEpochMilli() - System.currentTimeMillis()));

        // The child's first tick (1 s after it opened) starts purging the expired records.
        ScriptChild child = ScriptChild.start(workspace, "sleep:1300", "timed-online-put-get-delete:1",
                "timed-online-put-get-delete:2");
        child.awaitExit();
        String output = child.output();
        for (String line : output.split("\n")) {
            if (line.startsWith("TIMED ") || line.startsWith("CLOSED ")) {
                long ms = Long.parseLong(line.substring(line.indexOf(' ') + 1).trim());
                assertTrue(ms < 1_000, line + " ms while expired records were purged:\n" + output);
            }
        }
        assertTrue(output.contains("CLOSED "), output);
    }
}
