package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest that starts in the instant between add-features' check for running ingests and its
 * catalog change: it read the old definition, and its online batch comes after the features were
 * added. The batch is checked against the catalog version and written again with the group as it
 * is now (ADR 0021 addendum 6). Before, it was written with the old definition: into H2's copy of
 * the table while the ALTER ran (and lost), or, after it, leaving the added features' values of
 * the record in place although a write is a full overwrite.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IngestWhileFeaturesAreAddedTest {
    @TempDir
    Path tmp;

    @Test
    void anIngestThatReadTheOldDefinitionWritesItsOnlineRowsWithTheNewOne() throws Exception {
        Path file = Files.writeString(tmp.resolve("rows.csv"), "customer_id,event_time,age,score\n"
                + "c1,2024-05-01T12:00:00Z,41,0.5\nc2,2024-05-01T12:00:00Z,52,\n");
        try (FeatureStore store = Workspace.open(tmp.resolve("ws"))) {
            // no TTL: the rows are from 2024
            store.createFeatureGroup(Definitions.customers("customers").withOnlineStore(OnlineStoreConfig.ENABLED));
            CountDownLatch ingestReadDefinition = new CountDownLatch(1);
            CountDownLatch featuresAdded = new CountDownLatch(1);
            IngestOperations ops = store.ingest().withMilestoneHook(m -> {
                if (m == IngestJobTracker.Milestone.FILES_PUBLISHED) {
                    // offline is published, online not yet written: hold it until the features are added
                    ingestReadDefinition.countDown();
                    await(featuresAdded);
                }
            });
            CompletableFuture<IngestSummary>[] ingest = new CompletableFuture[1];
            store.afterAddFeaturesIngestCheck(() -> {
                ingest[0] = CompletableFuture.supplyAsync(() -> ops.ingest(IngestRequest.of("customers", file),
                        IngestListener.NONE));
                await(ingestReadDefinition);
            });

            store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.STRING)));
            store.afterAddFeaturesIngestCheck(() -> { });
            // c1 gets the new feature, at an event time older than the file's row for c1
            store.records().putRecord("customers", Record.builder().put("customer_id", "c1")
                    .put("event_time", "2024-05-01T11:00:00Z").put("age", "40").put("segment", "gold").build(),
                    Set.of(), null);
            featuresAdded.countDown();
            IngestSummary summary = ingest[0].get(60, TimeUnit.SECONDS);

            assertEquals(2, summary.writtenOnline());
            assertEquals(2, summary.writtenOffline());
            OnlineRecord c1 = store.records().getRecord("customers", "c1", null).orElseThrow();
            assertEquals(41L, ((Number) c1.value("age")).longValue(), "the file's newer row is online");
            assertNull(c1.value("segment"), "a write is a full overwrite: the file's row has no segment");
            OnlineRecord c2 = store.records().getRecord("customers", "c2", null).orElseThrow();
            assertEquals(52L, ((Number) c2.value("age")).longValue());
            assertTrue(store.ingest().workspaceJobs().stream().noneMatch(j -> j.status()
                    == IngestJobRecord.Status.FAILED), "the ingest succeeded");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other side never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
