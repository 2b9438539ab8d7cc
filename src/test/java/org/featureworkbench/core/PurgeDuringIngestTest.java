package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code group delete --purge-offline} in one process while another process's ingest is between
 * two publishes into the group's folder (issue 12 follow-up, ADR 0017 addendum). Two stores on one
 * workspace in one JVM stand for the two processes, as in {@code StaleGroupCacheIT}: each has its
 * own journal, offline store object and locks. The ingest's next publish must neither recreate the
 * purged folder nor leave files in it; the ingest fails saying why.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PurgeDuringIngestTest {
    private static final int ROWS = 400;

    @TempDir
    Path tmp;

    @Test
    void aPublishAfterAPurgeInAnotherProcessRecreatesNothing() throws Exception {
        Path workspace = tmp.resolve("ws");
        StringBuilder text = new StringBuilder("customer_id,event_time,age,score\n");
        for (int i = 0; i < ROWS; i++) {
            text.append('c').append(i % 50).append(",2024-05-01T").append(String.format("%02d", 10 + i % 12))
                    .append(":00:00Z,").append(i).append(",\n");
        }
        Path file = Files.writeString(tmp.resolve("rows.csv"), text);
        try (FeatureStore deleter = Workspace.open(workspace); FeatureStore ingester = Workspace.open(workspace)) {
            FeatureGroup group = deleter.createFeatureGroup(Definitions.customers("customers")
                    .withOnlineStore(OnlineStoreConfig.ENABLED).withTags(Map.of()));
            Path folder = deleter.offlineStoreDirectory().resolve(group.offlineFolderName());
            boolean[] deleted = {false};
            // The ingest has published its first checkpoint and goes on writing the next one's files
            // when the other process deletes the group with its offline files.
            IngestOperations ops = ingester.ingest().withLimits(new BatchIngest.Limits(100, 1000, 10))
                    .withMilestoneHook(m -> {
                        if (m == IngestJobTracker.Milestone.CHECKPOINT_RECORDED && !deleted[0]) {
                            deleted[0] = true;
                            assertTrue(Files.isDirectory(folder), "the first checkpoint is published");
                            deleter.deleteFeatureGroup("customers", true, w -> { });
                            assertFalse(Files.exists(folder), "the purge removed the folder");
                        }
                    });

            FeatureStoreException failed = assertThrows(FeatureStoreException.class,
                    () -> ops.ingest(IngestRequest.of("customers", file), null));

            assertTrue(deleted[0]);
            assertFalse(Files.exists(folder), "a late publish recreated the purged folder: " + listing(folder));
            assertTrue(failed.getMessage().contains("'customers' was deleted with its offline files"),
                    failed.getMessage());
            assertEquals(IngestJobRecord.Status.FAILED, ingester.ingest().workspaceJobs().get(0).status());
            // A group created again under the same name gets a folder of its own and takes writes.
            FeatureGroup again = deleter.createFeatureGroup(Definitions.customers("customers")
                    .withOnlineStore(OnlineStoreConfig.ENABLED).withTags(Map.of()));
            assertFalse(again.offlineFolderName().equals(group.offlineFolderName()));
            assertEquals(ROWS, deleter.ingest().ingest(IngestRequest.of("customers", file), null).writtenOffline());
        }
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
