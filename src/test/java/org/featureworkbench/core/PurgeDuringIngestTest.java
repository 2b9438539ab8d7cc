package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ResourceInUseException;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.testing.OfflineFiles;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code group delete --purge-offline} in one process while another process's ingest is between
 * two publishes into the group's folder (issue 12 follow-up, ADR 0017 addendum). Two stores on one
 * workspace in one JVM stand for the two processes, as in {@code StaleGroupCacheIT}: each has its
 * own journal, offline store object and locks. The delete is refused while the ingest runs; a
 * publish that gets past that check anyway is refused by the purge ({@code offline.PurgeGuardTest}).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PurgeDuringIngestTest {
    private static final int ROWS = 400;

    @TempDir
    Path tmp;

    @Test
    void aDeleteWhileAnIngestRunsInAnotherProcessIsRefusedAndChangesNothing() throws Exception {
        Path workspace = tmp.resolve("ws");
        Path file = rows();
        try (FeatureStore deleter = Workspace.open(workspace); FeatureStore ingester = Workspace.open(workspace)) {
            FeatureGroup group = deleter.createFeatureGroup(Definitions.customers("customers")
                    .withOnlineStore(OnlineStoreConfig.ENABLED).withTags(Map.of()));
            Path folder = deleter.offlineStoreDirectory().resolve(group.offlineFolderName());
            String[] refusal = {null, null};
            // The ingest has published its first checkpoint and goes on writing the next one's files
            // when the other process deletes the group with its offline files. On main this purged the
            // folder, the ingest's later checkpoints recreated it with 12 published files, and the
            // ingest failed at its online write saying to run 'repair'.
            IngestOperations ops = ingester.ingest().withLimits(new BatchIngest.Limits(100, 1000, 10))
                    .withMilestoneHook(m -> {
                        if (m == IngestJobTracker.Milestone.CHECKPOINT_RECORDED && refusal[0] == null) {
                            refusal[0] = assertThrows(ResourceInUseException.class,
                                    () -> deleter.deleteFeatureGroup("customers", true, w -> { })).getMessage();
                            // adding features copies the online table, losing what the ingest writes meanwhile
                            refusal[1] = assertThrows(ResourceInUseException.class, () -> deleter.addFeatures(
                                    "customers", List.of(new FeatureDefinition("segment", FeatureType.STRING))))
                                    .getMessage();
                        }
                    });

            IngestSummary summary = ops.ingest(IngestRequest.of("customers", file), null);

            String jobId = ingester.ingest().workspaceJobs().get(0).id();
            assertTrue(refusal[0].contains("ingest " + jobId) && refusal[0].contains("is running (process ")
                    && refusal[0].contains("Nothing was deleted"), refusal[0]);
            assertTrue(refusal[1].startsWith("cannot add features to feature group 'customers': ingest " + jobId)
                    && refusal[1].contains("Nothing was changed"), refusal[1]);
            assertEquals(4, deleter.describeFeatureGroup("customers").definition().features().size());
            assertEquals(ROWS, summary.writtenOffline());
            assertEquals(ROWS, OfflineFiles.rows(workspace, "customers"), "the group and its files are untouched");
            assertEquals(50, deleter.records().stats("customers").onlineRecords());

            deleter.deleteFeatureGroup("customers", true, w -> { });
            assertFalse(Files.exists(folder), "deleted once the ingest ended: " + listing(folder));
        }
    }

    @Test
    void aGroupCreatedAgainInThePurgedGroupsSecondGetsAnotherFolder() throws Exception {
        Path workspace = tmp.resolve("ws");
        Path file = rows();
        try (FeatureStore store = Workspace.open(workspace)) {
            FeatureGroup first = store.createFeatureGroup(Definitions.customers("customers")
                    .withOnlineStore(OnlineStoreConfig.ENABLED).withTags(Map.of()));
            store.deleteFeatureGroup("customers", true, w -> { }); // most likely within the creation's second
            FeatureGroup again = store.createFeatureGroup(Definitions.customers("customers")
                    .withOnlineStore(OnlineStoreConfig.ENABLED).withTags(Map.of()));
            assertFalse(again.offlineFolderName().equals(first.offlineFolderName()),
                    "a purged folder's name is never reused: late publishes into it are refused");
            assertEquals(ROWS, store.ingest().ingest(IngestRequest.of("customers", file), null).writtenOffline());
            assertEquals(ROWS, OfflineFiles.rows(workspace, "customers"));
        }
    }

    private Path rows() throws java.io.IOException {
        StringBuilder text = new StringBuilder("customer_id,event_time,age,score\n");
        for (int i = 0; i < ROWS; i++) {
            text.append('c').append(i % 50).append(",2024-05-01T").append(String.format("%02d", 10 + i % 12))
                    .append(":00:00Z,").append(i).append(",\n");
        }
        return Files.writeString(tmp.resolve("rows.csv"), text);
    }

    private static String listing(Path folder) {
        if (!Files.exists(folder)) {
            return "(none)";
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.map(folder::relativize).map(Path::toString).toList().toString();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
