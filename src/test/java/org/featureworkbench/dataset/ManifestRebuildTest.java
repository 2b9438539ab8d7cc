package org.featureworkbench.dataset;

import static org.featureworkbench.dataset.DatasetFixture.integral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.query.QueryCancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset rebuilt from its manifest has the same bytes, whatever was written or compacted since. */
class ManifestRebuildTest {
    @TempDir
    Path dir;

    @Test
    void aRebuildGivesByteIdenticalPartsAfterMoreWritesAndAfterCompaction() throws IOException, InterruptedException {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))
                .group("h", FeatureType.FRACTIONAL, integral("w"))) {
            for (int i = 0; i < 6; i++) {
                f.put("g", "id", "a" + i % 3, "ts", "2026-01-01T0" + i + ":00:00Z", "v", Integer.toString(i));
                f.put("h", "id", "a" + i % 3, "ts", Long.toString(1767225600L + 3600L * i), "w", Integer.toString(10 * i));
                f.flush();
            }
            Path csv = f.csv("labels.csv", "id,t,label", "a0,2026-01-01T02:30:00Z,1", "a1,2026-01-01T04:30:00Z,0",
                    "a2,2026-01-01T05:30:00Z,1", "a0,2026-01-01T06:30:00Z,0", "a1,2026-01-01T01:00:00Z,1");
            DatasetSpec spec = DatasetSpec.of(DatasetBase.file(csv, "id", "t"), List.of(JoinedGroup.of("g"), JoinedGroup.of("h")))
                    .withSplit(DatasetSplit.parse("train=0.6,test=0.4", DatasetSplit.Mode.BY_TIME, 0, "split"));
            BuiltDataset first = build(f, spec, "first");
            assertEquals(5, first.rows());
            List<byte[]> original = bytes(first);
            PointInTimeRulesTest.afterAPause();

            // Backfills before every base time, a newer state, a delete: a new build would see them all.
            for (int i = 0; i < 3; i++) {
                f.put("g", "id", "a" + i, "ts", "2026-01-01T05:59:59Z", "v", "99");
                f.put("h", "id", "a" + i, "ts", "1767243599", "w", "990");
            }
            f.delete("g", "a0", "2026-01-01T06:10:00Z").flush();
            assertNotEquals(hashes(first), hashes(build(f, spec, "fresh")), "the new writes change a fresh build");

            Path manifest = first.manifest();
            assertEquals(dir.resolve("first/ds.csv.manifest.json"), manifest);
            assertSame(original, f.store.datasets().rebuild(manifest, dir.resolve("again/ds.csv"), DatasetProgress.NONE,
                    new QueryCancellation()));

            f.store.records().compact("g");
            f.store.records().compact("h");
            assertSame(original, f.store.datasets().rebuild(manifest, dir.resolve("compacted/ds.csv"),
                    DatasetProgress.NONE, new QueryCancellation()));
            DatasetManifest read = f.store.datasets().readManifest(manifest);
            assertEquals(first.rows(), read.rows());
            assertTrue(f.store.datasets().list().stream().anyMatch(m -> m.id().equals(read.id())),
                    "the workspace's datasets list the build");
        }
    }

    @Test
    void aRebuildOfAGroupOrQueryBaseLeavesOutTheBaseRowsWrittenSince() throws IOException, InterruptedException {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))
                .group("h", FeatureType.STRING, integral("w"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1");
            f.put("h", "id", "a", "ts", "2026-01-01T00:00:05Z", "w", "5").flush();
            List<JoinedGroup> joins = List.of(JoinedGroup.of("h").withFeatures(List.of("w")));
            BuiltDataset ofGroup = build(f, DatasetSpec.of(DatasetBase.group("g"), joins), "group");
            BuiltDataset ofQuery = build(f, DatasetSpec.of(DatasetBase.query("SELECT id, ts FROM g", "id", "ts"), joins),
                    "query");
            List<byte[]> groupBytes = bytes(ofGroup);
            List<byte[]> queryBytes = bytes(ofQuery);
            PointInTimeRulesTest.afterAPause();

            f.put("g", "id", "a", "ts", "2026-01-01T00:00:01Z", "v", "0");
            f.put("g", "id", "b", "ts", "2026-01-01T00:00:20Z", "v", "2");
            f.put("h", "id", "a", "ts", "2026-01-01T00:00:08Z", "w", "8").flush();
            assertEquals(3, build(f, DatasetSpec.of(DatasetBase.group("g"), joins), "fresh").rows(),
                    "a fresh build sees the new base rows");
            assertEquals(3, build(f, DatasetSpec.of(DatasetBase.query("SELECT id, ts FROM g", "id", "ts"), joins),
                    "fresh-query").rows(), "so does a fresh query");
            assertEquals(1, ofQuery.rows());
            assertSame(groupBytes, f.store.datasets().rebuild(ofGroup.manifest(), dir.resolve("group-again/ds.csv"),
                    DatasetProgress.NONE, new QueryCancellation()));
            assertSame(queryBytes, f.store.datasets().rebuild(ofQuery.manifest(), dir.resolve("query-again/ds.csv"),
                    DatasetProgress.NONE, new QueryCancellation()));
        }
    }

    @Test
    void aRebuildInPlaceThatDiffersKeepsTheOriginalFilesAndGoesBesideThem() throws IOException {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1").flush();
            Path csv = f.csv("labels.csv", "id,t", "a,2026-01-01T00:00:10Z");
            BuiltDataset first = build(f, DatasetSpec.of(DatasetBase.file(csv, "id", "t"), List.of(JoinedGroup.of("g"))), "out");
            Path original = first.parts().get(0).file();
            // Stands in for a rebuild that cannot give the original rows (say, offline files lost since):
            // the manifest's digest no longer matches what the store gives.
            String json = Files.readString(first.manifest());
            Files.writeString(first.manifest(), json.replace(first.parts().get(0).sha256(), "0".repeat(64)));
            Files.writeString(original, "the file a model was trained on\n");

            BuiltDataset again = f.store.datasets().rebuild(first.manifest(), null, DatasetProgress.NONE,
                    new QueryCancellation());

            assertFalse(again.identical());
            assertEquals("the file a model was trained on\n", Files.readString(original), "the original is kept");
            Path beside = again.parts().get(0).file();
            assertEquals(original.getParent(), beside.getParent());
            assertTrue(beside.getFileName().toString().matches("ds-rebuilt-\\d{8}T\\d{6}Z\\.csv"), beside.toString());
            assertTrue(again.comparison().contains("the original files are kept, the rebuild was written beside them as "
                    + beside.getFileName()), again.comparison());
            assertTrue(Files.isRegularFile(f.store.datasets().manifestFor(beside)), "the rebuild has a manifest of its own");
        }
    }

    @Test
    void aCsvAndAParquetBuildOfOneNameKeepAManifestEachWithTheBaseFileAbsolute() throws IOException {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1").flush();
            f.csv("labels.csv", "id,t", "a,2026-01-01T00:00:10Z");
            Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("labels.csv").toAbsolutePath());
            DatasetSpec spec = DatasetSpec.of(DatasetBase.file(relative, "id", "t"), List.of(JoinedGroup.of("g")));

            BuiltDataset asCsv = f.store.datasets().build(spec, dir.resolve("d1.csv"), null, new QueryCancellation());
            BuiltDataset asParquet = f.store.datasets().build(spec.withFormat(org.featureworkbench.query.ExportFormat.PARQUET),
                    dir.resolve("d1.parquet"), null, new QueryCancellation());

            assertEquals(dir.resolve("d1.csv.manifest.json"), asCsv.manifest());
            assertEquals(dir.resolve("d1.parquet.manifest.json"), asParquet.manifest());
            assertEquals(dir.resolve("d1.csv"), f.store.datasets().readManifest(asCsv.manifest()).parts().get(0).file());
            assertEquals(dir.resolve("labels.csv").toAbsolutePath().toString(),
                    f.store.datasets().readManifest(asCsv.manifest()).spec().base().source(),
                    "a rebuild from another working folder finds the base file");
        }
    }

    /**
     * A build removes a manifest of its output under the older name (NAME.manifest.json), never
     * the one a rebuild reads: here moved beside the rebuild's output, whose file name it holds.
     */
    @Test
    void aBuildRemovesItsOutputsOlderNamedManifestButNotTheOneARebuildReads() throws IOException {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1").flush();
            DatasetSpec spec = DatasetSpec.of(f.base("a,2026-01-01T00:00:10Z"), List.of(JoinedGroup.of("g")));
            BuiltDataset first = build(f, spec, "first");
            Path older = Files.move(first.manifest(), dir.resolve("first/ds.manifest.json"));
            build(f, spec, "first");
            assertFalse(Files.exists(older), "it described the files the build replaced");

            Files.createDirectories(dir.resolve("moved"));
            Path read = Files.move(dir.resolve("first/ds.csv.manifest.json"), dir.resolve("moved/ds.manifest.json"));
            f.store.datasets().rebuild(read, dir.resolve("moved/ds.csv"), DatasetProgress.NONE, new QueryCancellation());
            assertTrue(Files.exists(read), "the manifest the rebuild read stays");
            assertTrue(Files.exists(dir.resolve("moved/ds.csv.manifest.json")));
        }
    }

    private static BuiltDataset build(DatasetFixture f, DatasetSpec spec, String folder) {
        return f.store.datasets().build(spec, f.dir.resolve(folder).resolve("ds.csv"), DatasetProgress.NONE,
                new QueryCancellation());
    }

    private static void assertSame(List<byte[]> original, BuiltDataset rebuilt) throws IOException {
        List<byte[]> again = bytes(rebuilt);
        assertEquals(original.size(), again.size(), "parts");
        for (int i = 0; i < original.size(); i++) {
            assertTrue(java.util.Arrays.equals(original.get(i), again.get(i)), "part " + rebuilt.parts().get(i).name()
                    + " differs:\n" + new String(original.get(i)) + "\n---\n" + new String(again.get(i)));
        }
    }

    private static List<byte[]> bytes(BuiltDataset built) throws IOException {
        List<byte[]> all = new ArrayList<>();
        for (DatasetPart part : built.parts()) {
            all.add(Files.readAllBytes(part.file()));
        }
        return all;
    }

    private static List<String> hashes(BuiltDataset built) {
        return built.parts().stream().map(DatasetPart::sha256).toList();
    }
}
