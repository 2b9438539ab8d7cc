package org.featureworkbench.dataset;

import static org.featureworkbench.dataset.DatasetFixture.integral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.query.QueryCancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splits: by time with no look-ahead across parts, or random and reproducible by its seed. */
class DatasetSplitTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSplitByTimePutsEveryLaterPartStrictlyAfterTheEarlierOnesAndKeepsEqualTimesTogether() {
        try (DatasetFixture f = fixture()) {
            // 13 distinct times, 3 rows each: 60 % of 39 rows (23.4) falls inside a block of equal times.
            Map<String, Instant> times = new HashMap<>();
            DatasetSpec spec = spec(f, 13, 3, times).withSplit(split("train=0.6,validation=0.2,test=0.2",
                    DatasetSplit.Mode.BY_TIME, 0));
            BuiltDataset built = f.store.datasets().build(spec, dir.resolve("out/ds.csv"), DatasetProgress.NONE,
                    new QueryCancellation());
            assertEquals(List.of("train", "validation", "test"), built.parts().stream().map(DatasetPart::name).toList());
            assertEquals(List.of(dir.resolve("out/ds-train.csv"), dir.resolve("out/ds-validation.csv"),
                    dir.resolve("out/ds-test.csv")), built.parts().stream().map(DatasetPart::file).toList());
            assertTrue(Files.exists(dir.resolve("out/ds.csv.manifest.json")));
            List<TreeSet<Instant>> partTimes = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (DatasetPart part : built.parts()) {
                List<String> partLabels = OutputCsv.read(part.file()).column("label");
                assertEquals(part.rows(), partLabels.size(), part.name() + ": its row count");
                assertTrue(part.rows() > 0, part.name() + " is empty");
                labels.addAll(partLabels);
                partTimes.add(new TreeSet<>(partLabels.stream().map(times::get).toList()));
            }
            assertEquals(times.keySet(), new TreeSet<>(labels), "every base row in exactly one part");
            assertEquals(39, labels.size());
            for (int p = 1; p < partTimes.size(); p++) {
                assertTrue(partTimes.get(p - 1).last().isBefore(partTimes.get(p).first()),
                        "part " + p + " starts at " + partTimes.get(p).first() + ", not after the previous part's "
                                + partTimes.get(p - 1).last());
            }
        }
    }

    @Test
    void aRandomSplitIsTheSameForTheSameSeedAndDiffersForAnother() {
        try (DatasetFixture f = fixture()) {
            DatasetSpec spec = spec(f, 60, 1, new HashMap<>());
            List<List<String>> seven = randomParts(f, spec, 7, "a");
            assertEquals(seven, randomParts(f, spec, 7, "b"));
            assertNotEquals(seven, randomParts(f, spec, 8, "c"));
            assertEquals(60, seven.stream().mapToInt(List::size).sum());
            assertEquals(60, seven.stream().flatMap(List::stream).distinct().count(), "no row in two parts");
        }
    }

    private List<List<String>> randomParts(DatasetFixture f, DatasetSpec spec, long seed, String folder) {
        BuiltDataset built = f.store.datasets().build(spec.withSplit(split("train=0.5,test=0.5", DatasetSplit.Mode.RANDOM,
                seed)), dir.resolve(folder).resolve("ds.csv"), DatasetProgress.NONE, new QueryCancellation());
        return built.parts().stream().map(p -> OutputCsv.read(p.file()).column("label")).toList();
    }

    private DatasetFixture fixture() {
        DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"));
        f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
        return f;
    }

    /** A base of {@code distinct × copies} rows, unique labels; {@code times} gets each label's event time. */
    private static DatasetSpec spec(DatasetFixture f, int distinct, int copies, Map<String, Instant> times) {
        List<String> lines = new ArrayList<>(List.of("id,t,label"));
        for (int i = 0; i < distinct; i++) {
            for (int c = 0; c < copies; c++) {
                String label = "L" + i + "-" + c;
                Instant t = T0.plusSeconds(i);
                times.put(label, t);
                lines.add((c % 2 == 0 ? "a" : "b") + "," + t + "," + label);
            }
        }
        Path csv = f.csv("split-base-" + distinct + ".csv", lines.toArray(String[]::new));
        return DatasetSpec.of(DatasetBase.file(csv, "id", "t"), List.of(JoinedGroup.of("g")));
    }

    private static DatasetSplit split(String text, DatasetSplit.Mode mode, long seed) {
        return DatasetSplit.parse(text, mode, seed, "split");
    }
}
