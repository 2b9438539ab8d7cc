package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.testing.OfflineFiles;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade's batch ingest with tiny chunks: chunk boundaries, early online writes, cancel, the jobs list. */
class BatchIngestTest {
    @TempDir
    Path tmp;
    FeatureStore store;
    Path workspace;

    @BeforeEach
    void open() {
        workspace = tmp.resolve("workspace");
        store = Workspace.open(workspace);
        store.createFeatureGroup(Definitions.customers("customers")
                .withOnlineStore(OnlineStoreConfig.ENABLED).withTags(Map.of()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** {@code rows} rows over {@code ids} ids; row i has age i and an event time i minutes after 10:00 (mod ids shuffles). */
    Path file(int rows, int ids) throws IOException {
        StringBuilder text = new StringBuilder("customer_id,event_time,age,score\n");
        for (int i = 0; i < rows; i++) {
            // Later rows are newer, except every third, which is an hour older: history mixed in.
            int minute = i % 3 == 2 ? i - 60 : i;
            text.append("c").append(i % ids).append(",2024-05-01T").append(String.format("%02d:%02d:00Z",
                    10 + Math.floorDiv(minute, 60), Math.floorMod(minute, 60))).append(',').append(i).append(",\n");
        }
        return Files.writeString(tmp.resolve("rows.csv"), text);
    }

    long age(String id) {
        return (Long) store.records().getRecord("customers", id, null).orElseThrow().value("age");
    }

    @Test
    void smallChunksAndEarlyOnlineWritesEndWithTheNewestVersionPerId() throws IOException {
        Path file = file(200, 7);
        IngestOperations ops = store.ingest().withLimits(new BatchIngest.Limits(13, 5, 3));

        IngestSummary summary = ops.ingest(IngestRequest.of("customers", file), null);

        assertEquals(200, summary.writtenOffline());
        assertEquals(200, OfflineFiles.rows(workspace, "customers"));
        for (int id = 0; id < 7; id++) {
            long newest = OfflineFiles.scalar(workspace, "customers", "SELECT arg_max(age, event_time) FROM t"
                    + " WHERE customer_id = 'c" + id + "'");
            assertEquals(newest, age("c" + id), "c" + id);
        }
    }

    @Test
    void cancelStopsBetweenChunksAndLeavesWholeChunksThatARerunCompletes() throws IOException {
        Path file = file(400, 50);
        IngestOperations ops = store.ingest().withLimits(new BatchIngest.Limits(100, 1000, 10));
        IngestJob job = ops.submit(IngestRequest.of("customers", file));

        IngestSummary cancelled = ops.run(job, p -> {
            if (p.writtenOffline() >= 200) {
                job.cancel();
            }
        });

        assertTrue(cancelled.cancelled());
        assertEquals(IngestJob.State.CANCELLED, job.state());
        assertEquals(200, cancelled.writtenOffline());
        assertEquals(200, OfflineFiles.rows(workspace, "customers"), "whole chunks only");
        assertEquals(cancelled.writtenOnline(), store.records().stats("customers").onlineRecords());

        IngestSummary rerun = ops.ingest(IngestRequest.of("customers", file), null);

        assertEquals(400, rerun.writtenOffline());
        assertEquals(50, store.records().stats("customers").onlineRecords());
        assertEquals(OfflineFiles.scalar(workspace, "customers", "SELECT arg_max(age, event_time) FROM t WHERE customer_id = 'c7'"),
                age("c7"));
    }

    @Test
    void progressReportsRowsReadAndWrittenAndTheJobsListKeepsTheOutcome() throws IOException {
        Path file = file(30, 30);
        List<IngestJobProgress> seen = new ArrayList<>();

        IngestSummary summary = store.ingest().ingest(IngestRequest.of("customers", file), seen::add);

        IngestJobProgress last = seen.get(seen.size() - 1);
        assertEquals(30, last.rowsRead());
        assertEquals(30, last.writtenOffline());
        assertEquals(30, last.writtenOnline());
        assertEquals(1.0, last.fraction());
        IngestJob listed = store.ingest().jobs().get(0);
        assertEquals(summary.jobId(), listed.id());
        assertEquals(IngestJob.State.SUCCEEDED, listed.state());
        assertEquals(summary, listed.summary().orElseThrow());
    }

    @Test
    void aFailedJobIsListedWithItsMessageAndCannotRunAgain() {
        IngestJob job = store.ingest().submit(IngestRequest.of("customers", tmp.resolve("missing.csv")));

        FeatureStoreException e = assertThrows(FeatureStoreException.class, () -> store.ingest().run(job, null));

        assertEquals(IngestJob.State.FAILED, store.ingest().job(job.id()).orElseThrow().state());
        assertEquals(e.getMessage(), job.failure().orElseThrow());
        assertThrows(IllegalStateException.class, () -> store.ingest().run(job, null));
    }

    @Test
    void aTargetStoreTheGroupLacksIsRefusedBeforeAnythingIsRead() throws IOException {
        store.createFeatureGroup(Definitions.customers("offline_only").withOnlineStore(OnlineStoreConfig.DISABLED)
                .withTags(Map.of()));
        Path file = file(3, 3);

        FeatureStoreException e = assertThrows(FeatureStoreException.class, () -> store.ingest().ingest(
                IngestRequest.of("offline_only", file).withTargets(java.util.Set.of(
                        org.featureworkbench.model.TargetStore.ONLINE_STORE)), null));

        assertTrue(e.getMessage().contains("has no online store"), e.getMessage());
        assertEquals(OfflineStoreConfig.ENABLED, store.describeFeatureGroup("offline_only").definition().offlineStore());
        assertEquals(0, OfflineFiles.rows(workspace, "offline_only"));
    }
}
