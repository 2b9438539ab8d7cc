package org.featureworkbench.dataset;

import static org.featureworkbench.dataset.DatasetFixture.integral;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
            assertEquals(dir.resolve("first/ds.manifest.json"), manifest);
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
