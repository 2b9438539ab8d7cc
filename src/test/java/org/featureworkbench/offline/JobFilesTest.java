package org.featureworkbench.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bulk append's files carry the job's token and checkpoint, and an unrecorded checkpoint can be removed. */
class JobFilesTest {
    @TempDir
    Path root;

    @Test
    void namesKeepSageMakersLayoutAndTellTheCheckpoint() {
        JobFiles files = new JobFiles("AbCd1234", 37);

        String name = files.fileName("20240301T100000Z", 5);

        assertEquals("20240301T100000Z_AbCd1234" + "0011" + "0005" + ".parquet", name, "37 and 5 in base 36");
        assertTrue(OfflineLayout.isPublished(Path.of(name)), name);
        assertEquals(37, JobFiles.checkpointOf(name, "AbCd1234"));
        assertEquals(-1, JobFiles.checkpointOf(name, "Other123"), "another job's token");
        assertEquals(-1, JobFiles.checkpointOf("20240301T100000Z_" + "x".repeat(16) + ".parquet", "AbCd1234"));
        assertThrows(IllegalArgumentException.class, () -> new JobFiles("short", 1));
        assertThrows(IllegalArgumentException.class, () -> new JobFiles("AbCd1234", 0));
    }

    @Test
    void eachPublishIsTheNextCheckpointAndDiscardRemovesOnlyTheLaterOnesOfThatJob() throws IOException {
        ParquetOfflineStore store = new ParquetOfflineStore(root);
        FeatureGroup group = OfflineTestGroups.customers(FeatureType.STRING);
        store.append(group, OfflineTestGroups.rows(group, "other", 100, 2)); // not the job's
        try (OfflineBulkAppend bulk = store.openBulkAppend(group, OfflineTestGroups.API_TIME,
                new JobFiles("AbCd1234", 1))) {
            for (int checkpoint = 0; checkpoint < 3; checkpoint++) {
                for (OfflineRow r : OfflineTestGroups.rows(group, "c" + checkpoint, 1_000, 2)) {
                    bulk.add(group.features().stream().map(f -> r.value(f.name())).toArray(),
                            r.eventTime().toEpochMilli());
                }
                bulk.publish();
            }
        }
        List<Integer> checkpoints = published().stream()
                .map(p -> JobFiles.checkpointOf(p.getFileName().toString(), "AbCd1234")).sorted().toList();
        assertEquals(List.of(-1, -1, 1, 1, 2, 2, 3, 3), checkpoints);

        assertEquals(4, store.discardJobFiles(group, "AbCd1234", 1));

        assertEquals(100 + 1_000, store.stats(group).rows(), "the other rows and checkpoint 1 stay");
        assertEquals(0, store.discardJobFiles(group, "AbCd1234", 1), "nothing left to remove");
    }

    private List<Path> published() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(OfflineLayout::isPublished).toList();
        }
    }
}
