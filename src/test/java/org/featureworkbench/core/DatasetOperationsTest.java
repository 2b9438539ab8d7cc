package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.dataset.BuiltDataset;
import org.featureworkbench.dataset.DatasetBase;
import org.featureworkbench.dataset.DatasetSpec;
import org.featureworkbench.dataset.DatasetSplit;
import org.featureworkbench.dataset.JoinedGroup;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade end to end on a real workspace: a CSV base joined with two groups, splits, rebuild. */
class DatasetOperationsTest {
    @TempDir
    Path dir;
    FeatureStore store;

    @BeforeEach
    void open() {
        store = Workspace.open(dir.resolve("ws"));
        group("customers", FeatureType.STRING, "age", FeatureType.INTEGRAL);
        group("scores", FeatureType.FRACTIONAL, "score", FeatureType.FRACTIONAL);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void group(String name, FeatureType timeType, String feature, FeatureType type) {
        store.createFeatureGroup(new FeatureGroupDefinition(name, "id", "ts", List.of(
                new FeatureDefinition("id", FeatureType.STRING), new FeatureDefinition("ts", timeType),
                new FeatureDefinition(feature, type)), "", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED));
    }

    private void put(String group, String... kv) {
        Record.Builder r = Record.builder();
        for (int i = 0; i < kv.length; i += 2) {
            r.put(kv[i], kv[i + 1]);
        }
        store.records().putRecord(group, r.build(), Set.of(), null);
    }

    private Path base(String csv) throws Exception {
        Path f = dir.resolve("events.csv");
        Files.writeString(f, csv);
        return f;
    }

    @Test
    void eachBaseRowGetsTheStateAtItsEventTime() throws Exception {
        put("customers", "id", "a", "ts", "2026-01-01T00:00:00Z", "age", "30");
        put("customers", "id", "a", "ts", "2026-01-03T00:00:00Z", "age", "31");
        put("scores", "id", "a", "ts", "1767225600", "score", "0.5"); // 2026-01-01T00:00:00Z
        store.records().deleteRecord("scores", "a", "1767398400", DeletionMode.SOFT_DELETE, Set.of()); // 01-03
        Path events = base("user,time,label\na,2026-01-02T00:00:00Z,1\na,2026-01-04T00:00:00Z,0\nzz,2026-01-04T00:00:00Z,1\n"
                + "a,2025-12-31T00:00:00Z,1\n");
        DatasetSpec spec = DatasetSpec.of(DatasetBase.file(events, "user", "time"),
                List.of(JoinedGroup.of("customers"), JoinedGroup.of("scores")));
        assertEquals(List.of("user", "time", "label", "ts", "age", "scores.ts", "score"),
                store.datasets().plan(spec).columns());
        try (QueryResult r = store.datasets().preview(spec, 100, new QueryCancellation())) {
            List<Object[]> rows = r.page(0, 10);
            assertEquals(4, rows.size());
            assertEquals("2025-12-31T00:00:00Z", rows.get(0)[1]);
            assertNull(rows.get(0)[4], "no state before the first write");
            assertEquals(30L, rows.get(1)[4]);
            assertEquals(0.5, rows.get(1)[6]);
            assertEquals(31L, rows.get(2)[4]);
            assertNull(rows.get(2)[6], "the score was deleted on 01-03");
            assertNull(rows.get(3)[4], "unmatched id zz kept");
        }
    }

    @Test
    void splitsByTimeAndRebuildsIdentically() throws Exception {
        StringBuilder csv = new StringBuilder("user,time,label\n");
        for (int d = 1; d <= 9; d++) {
            put("customers", "id", "u" + d, "ts", "2026-01-0" + d + "T00:00:00Z", "age", Integer.toString(20 + d));
            csv.append("u").append(d).append(",2026-01-0").append(d).append("T12:00:00Z,").append(d % 2).append('\n');
        }
        put("scores", "id", "u1", "ts", "1767225600.25", "score", "0.25");
        Path events = base(csv.toString());
        DatasetSpec spec = DatasetSpec.of(DatasetBase.file(events, "user", "time"),
                List.of(JoinedGroup.of("customers").withFeatures(List.of("age")), JoinedGroup.of("scores").withLookback(Duration.ofDays(3))))
                .withSplit(DatasetSplit.parse("train=0.6,validation=0.2,test=0.2", DatasetSplit.Mode.BY_TIME, 0, "--split"));
        BuiltDataset built = store.datasets().build(spec, dir.resolve("out/training.csv"), null, new QueryCancellation());
        assertEquals(List.of(5L, 2L, 2L), built.parts().stream().map(p -> p.rows()).toList());
        List<String> train = Files.readAllLines(dir.resolve("out/training-train.csv"));
        assertEquals("user,time,label,age,ts,score", train.get(0));
        assertTrue(train.get(1).startsWith("u1,2026-01-01T12:00:00Z,1,21,"), train.get(1));
        assertTrue(train.get(1).endsWith(",0.25"), "within the 3-day lookback: " + train.get(1));
        assertTrue(Files.isRegularFile(dir.resolve("out/training.csv.manifest.json")));
        assertEquals(1, store.datasets().list().size());
        put("customers", "id", "u1", "ts", "2026-01-01T06:00:00Z", "age", "99"); // a later backfill
        BuiltDataset again = store.datasets().rebuild(built.manifest(), null, null, new QueryCancellation());
        assertTrue(again.identical(), again.comparison());
        BuiltDataset fresh = store.datasets().build(spec, dir.resolve("out2/t.csv"), null, new QueryCancellation());
        assertTrue(Files.readString(fresh.parts().get(0).file()).contains("u1,2026-01-01T12:00:00Z,1,99"));
    }

    @Test
    void badInputsNameTheirField() throws Exception {
        Path events = base("user,time\na,yesterday\n");
        ValidationException e = assertThrows(ValidationException.class, () -> store.datasets().preview(
                DatasetSpec.of(DatasetBase.file(events, "user", "time"), List.of(JoinedGroup.of("customers"))), 10,
                new QueryCancellation()));
        assertEquals("--base-time", e.field());
        assertTrue(e.getMessage().contains("'yesterday'") && e.getMessage().contains("line 2"), e.getMessage());
        ValidationException col = assertThrows(ValidationException.class, () -> store.datasets().plan(
                DatasetSpec.of(DatasetBase.file(events, "who", "time"), List.of(JoinedGroup.of("customers")))));
        assertTrue(col.getMessage().contains("no column 'who'") && col.getMessage().contains("user, time"), col.getMessage());
        ValidationException feature = assertThrows(ValidationException.class, () -> store.datasets().plan(
                DatasetSpec.of(DatasetBase.file(events, "user", "time"),
                        List.of(JoinedGroup.of("customers").withFeatures(List.of("height"))))));
        assertTrue(feature.getMessage().contains("no feature 'height'"), feature.getMessage());
        ValidationException window = assertThrows(ValidationException.class, () -> store.datasets().plan(
                DatasetSpec.of(DatasetBase.file(events, "user", "time"),
                        List.of(JoinedGroup.of("customers").withLookback(Duration.ofDays(-1))))));
        assertEquals("--lookback", window.field());
    }
}
