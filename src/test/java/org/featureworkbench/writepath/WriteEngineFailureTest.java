package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.featureworkbench.writepath.WritePathGroups.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A put whose first try the engine fails internally (H2 2.5.252's "Transaction 2 has status
 * ROLLED_BACK, not OPEN" around a hand-over, seen in {@code bench processes}) is tried again on a
 * new connection and acknowledged; the failed try's journal entry is voided, so the record is
 * offline once.
 */
class WriteEngineFailureTest {
    @TempDir
    Path ws;

    @AfterEach
    void noHook() {
        RecordWriter.beforeCommit = () -> { };
    }

    @Test
    void aPutTheEngineFailedOnceIsTriedAgainAndStoredOnce() {
        try (FeatureStore store = Workspace.open(ws)) {
            store.createFeatureGroup(WritePathGroups.customers());
            AtomicInteger tries = new AtomicInteger();
            RecordWriter.beforeCommit = () -> {
                if (tries.incrementAndGet() == 1) {
                    throw new IllegalStateException(new SQLException(
                            "General error: \"Transaction 2 has status ROLLED_BACK, not OPEN\"", "HY000", 50000));
                }
            };

            store.records().putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:00:00Z", 41, 0.5, "Lyon"),
                    Set.of(TargetStore.ONLINE_STORE, TargetStore.OFFLINE_STORE), null);

            assertEquals(2, tries.get(), "tried again after the engine's failure");
            assertEquals(41L, store.records().getRecord(CUSTOMERS, "c1", null).orElseThrow().value("age"));
            store.records().flush(CUSTOMERS);
            assertEquals(1, store.records().stats(CUSTOMERS).offline().rows(), "the failed try left no offline row");
        }
    }
}
