package org.featureworkbench.offline;

import static org.featureworkbench.offline.OfflineTestGroups.customers;
import static org.featureworkbench.offline.OfflineTestGroups.row;
import static org.featureworkbench.offline.OfflineTestGroups.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;

class ParquetOfflineStoreTest extends OfflineStoreContractTest {

    @Override
    protected OfflineStore createStore(Path root) {
        return new ParquetOfflineStore(root);
    }

    @Test
    void filesFollowSageMakersLayoutAndNames() throws IOException {
        FeatureGroup group = customers(FeatureType.STRING);
        AppendResult result = store.append(group, List.of(
                row(group, "a", 1, 1, "x", "2024-03-01T10:05:00Z"),
                row(group, "b", 1, 1, "x", "2024-03-01T10:42:17.500Z"),
                row(group, "c", 1, 1, "x", "2024-03-01T10:07:00Z")));

        assertEquals(1, result.files().size());
        Path root = workspace.resolve("offline-store");
        String relative = root.relativize(result.files().get(0)).toString().replace('\\', '/');
        assertTrue(relative.matches("customers-1704067200/data/year=2024/month=03/day=01/hour=10/"
                + "20240301T104217Z_[A-Za-z0-9]{16}\\.parquet"), relative);
        assertEquals(List.of(result.files().get(0)), allFiles(root));
        assertEquals(root.resolve("customers-1704067200/data").toString().replace('\\', '/') + "/**/*.parquet",
                store.readGlob(group));
    }

    @Test
    void duckDbSeesTypedColumns() {
        FeatureGroup group = customers(FeatureType.FRACTIONAL);
        store.append(group, List.of(OfflineRow.deleteMarker(group.definition(), "c1",
                java.time.Instant.parse("2024-03-01T10:00:00Z"), OfflineTestGroups.API_TIME)));

        Map<String, String> columns = reader.describe(group);
        assertEquals("VARCHAR", columns.get("customer_id"));
        assertEquals("BIGINT", columns.get("age"));
        assertEquals("DOUBLE", columns.get("score"));
        assertEquals("VARCHAR", columns.get("city"));
        assertEquals("BIGINT", columns.get("order-count"));
        assertEquals("DOUBLE", columns.get("EventTime"));
        assertEquals("TIMESTAMP WITH TIME ZONE", columns.get("api_invocation_time"));
        assertEquals("TIMESTAMP WITH TIME ZONE", columns.get("write_time"));
        assertEquals("BOOLEAN", columns.get("is_deleted"));
    }

    @Test
    void aLeftoverTemporaryFileIsInvisibleAndRecoveryDeletesIt() throws IOException {
        FeatureGroup group = customers(FeatureType.STRING);
        AppendResult result = store.append(group, rows(group, "r", 5, 1));
        Path partition = result.files().get(0).getParent();
        // What a crash between writing and renaming leaves: a complete-looking file under a temp name.
        Path leftover = partition.resolve(OfflineLayout.tempFileName("append"));
        Files.copy(result.files().get(0), leftover);

        assertEquals(5, reader.readAll(group).size());
        assertEquals(1, store.stats(group).files());

        store.recover();

        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(result.files().get(0)));
        assertEquals(5, reader.readAll(group).size());
    }

    @Test
    void recoveryFinishesACompactionInterruptedAfterTheRename() throws IOException {
        FeatureGroup group = customers(FeatureType.STRING);
        Path a = store.append(group, rows(group, "a", 3, 1)).files().get(0);
        Path b = store.append(group, rows(group, "b", 3, 1)).files().get(0);
        // State after the merged file was renamed in and before the old files were deleted.
        Path merged = a.resolveSibling(OfflineLayout.dataFileName(a.getFileName().toString().substring(0, 16)));
        Files.copy(a, merged);
        Files.write(a.resolveSibling(ParquetPartitionCompactor.JOURNAL), List.of(
                merged.getFileName().toString(), a.getFileName().toString(), b.getFileName().toString()));

        store.recover();

        assertEquals(List.of(merged), allFiles(workspace.resolve("offline-store")));
        assertFalse(Files.exists(a.resolveSibling(ParquetPartitionCompactor.JOURNAL)));
    }

    @Test
    void aPartitionCompactsAgainAfterNewFilesAndKeepsEveryAbsorbedToken() throws IOException {
        // Issue 12, found by KillAtRandomPointsIT: the second compaction of a partition refused to
        // overwrite the .tokens file the first one wrote, so a partition could be compacted only once.
        FeatureGroup group = customers(FeatureType.STRING);
        Path a = store.append(group, rows(group, "a", 3, 1)).files().get(0);
        Path b = store.append(group, rows(group, "b", 3, 1)).files().get(0);
        store.compact(group);
        Path c = store.append(group, rows(group, "c", 3, 1)).files().get(0);
        List<Path> afterFirst = allFiles(workspace.resolve("offline-store")).stream()
                .filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
        assertEquals(2, afterFirst.size(), afterFirst.toString());

        store.compact(group);

        assertEquals(9, store.stats(group).rows());
        assertEquals(1, store.stats(group).files());
        for (Path file : Stream.concat(Stream.of(a, b, c), afterFirst.stream()).toList()) {
            assertTrue(PartitionTokens.contains(a.getParent(), PartitionTokens.tokenOf(file)), file.toString());
        }
    }

    @Test
    void recoveryRollsBackACompactionInterruptedBeforeTheRename() throws IOException {
        FeatureGroup group = customers(FeatureType.STRING);
        Path a = store.append(group, rows(group, "a", 3, 1)).files().get(0);
        Path b = store.append(group, rows(group, "b", 3, 1)).files().get(0);
        Path unpublished = a.resolveSibling(OfflineLayout.tempFileName("compact"));
        Files.copy(a, unpublished);
        Files.write(a.resolveSibling(ParquetPartitionCompactor.JOURNAL), List.of(
                OfflineLayout.dataFileName("20240301T000002Z"), a.getFileName().toString(), b.getFileName().toString()));

        store.recover();

        assertEquals(Stream.of(a, b).sorted().toList(), allFiles(workspace.resolve("offline-store")));
        assertEquals(6, store.stats(group).rows());
    }

    @Test
    void compactionWaitsForReadersBeforeSwappingFiles() throws Exception {
        FeatureGroup group = customers(FeatureType.STRING);
        Path a = store.append(group, rows(group, "a", 3, 1)).files().get(0);
        Path b = store.append(group, rows(group, "b", 3, 1)).files().get(0);
        Path journal = a.resolveSibling(ParquetPartitionCompactor.JOURNAL);
        List<Path> old = Stream.of(a, b).sorted().toList();
        Thread compaction;
        try (OfflineReadLease lease = store.openReadLease(group)) {
            compaction = new Thread(() -> store.compact(group));
            compaction.start();
            // The journal is written just before the swap; the swap itself must wait for the lease.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!Files.exists(journal) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(Files.exists(journal), "compaction did not reach the swap");
            Thread.sleep(200);
            assertEquals(old, lease.files());
            assertEquals(old, ParquetOfflineStore.publishedFiles(store.groupDirectory(group).resolve("data")));
        }
        compaction.join(10_000);
        assertEquals(1, store.stats(group).files());
        assertEquals(6, store.stats(group).rows());
    }

    @Test
    void zstdIsAnAlternativeCodec() {
        OfflineStore zstd = new ParquetOfflineStore(workspace.resolve("zstd"),
                org.apache.parquet.hadoop.metadata.CompressionCodecName.ZSTD);
        FeatureGroup group = customers(FeatureType.STRING);
        zstd.append(group, rows(group, "z", 50, 2));
        assertEquals(50, new DuckDbOfflineReader(zstd).readAll(group).size());
    }

    /** Every file, except each group's change marker (beside data/, outside every read glob). */
    private static List<Path> allFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(ChangeMarker.FILE)).sorted().toList();
        }
    }
}
