package org.featureworkbench.dataset;

import static org.featureworkbench.dataset.DatasetFixture.integral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.query.QueryCancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build tells about its rows: a joined group no row can see, and an empty part of a time split. */
class DatasetNotesTest {
    @TempDir
    Path dir;

    @Test
    void aGroupWhoseStatesAllCameAfterTheBaseIsNotedAndAPartlyJoinedOneIsNot() {
        try (DatasetFixture f = fixture()) {
            BuiltDataset before = build(f, DatasetSpec.of(f.base("a,2025-06-01T00:00:00Z", "b,2025-01-01T00:00:00Z"),
                    List.of(JoinedGroup.of("g"))), "before.csv");
            assertEquals(List.of("no row has a value from 'g': its earliest state has event time 2026-01-01T00:00:00Z,"
                    + " after the base's latest (2025-06-01T00:00:00Z), and a row sees only states at or before its own"
                    + " time (point-in-time correctness); use base rows from after 2026-01-01T00:00:00Z, or"
                    + " join each record's latest state instead (no point-in-time join)"), before.notes());

            // A delete marker is no state to take values from: the earliest state is still a's put.
            f.delete("g", "m", "2024-01-01T00:00:00Z");
            BuiltDataset afterMarker = build(f, DatasetSpec.of(f.base("a,2025-06-01T00:00:00Z"),
                    List.of(JoinedGroup.of("g"))), "marker.csv");
            assertEquals(1, afterMarker.notes().size(), afterMarker.notes().toString());
            assertTrue(afterMarker.notes().get(0).contains("earliest state has event time 2026-01-01T00:00:00Z"),
                    afterMarker.notes().get(0));

            // One row sees a's state, one is before it, one has no record: a usual dataset, nothing to say.
            BuiltDataset partly = build(f, DatasetSpec.of(f.base("a,2026-01-02T00:00:00Z", "a,2025-01-01T00:00:00Z",
                    "zz,2026-01-02T00:00:00Z"), List.of(JoinedGroup.of("g"))), "partly.csv");
            assertEquals(List.of(), partly.notes());

            BuiltDataset latest = build(f, DatasetSpec.of(f.base("a,2025-06-01T00:00:00Z"), List.of(JoinedGroup.of("g")))
                    .withPointInTime(false), "latest.csv");
            assertEquals(List.of(), latest.notes(), "the latest state is joined whatever the row's time");
        }
    }

    @Test
    void aGroupBaseOlderThanTheJoinedGroupAndAGroupEmptyAsOfTheBuildAreNoted() {
        try (DatasetFixture f = fixture()) {
            f.group("old", FeatureType.STRING, integral("w"));
            f.put("old", "id", "a", "ts", "2024-01-01T00:00:00Z", "w", "5");
            f.flush();

            BuiltDataset built = build(f, DatasetSpec.of(DatasetBase.group("old"), List.of(JoinedGroup.of("g"))),
                    "group-base.csv");
            assertEquals(1, built.notes().size(), built.notes().toString());
            assertTrue(built.notes().get(0).startsWith("no row has a value from 'g': its earliest state has event time"
                    + " 2026-01-01T00:00:00Z, after the base's latest (2024-01-01T00:00:00Z)"), built.notes().get(0));

            BuiltDataset asOfBefore = build(f, DatasetSpec.of(f.base("a,2026-01-02T00:00:00Z"),
                    List.of(JoinedGroup.of("g"))).withAsOf(Instant.parse("2000-01-01T00:00:00Z")), "as-of.csv");
            assertEquals(List.of("no row has a value from 'g': it held no rows (other than delete markers) as of"
                    + " 2000-01-01T00:00:00Z (check the as-of time, or that its rows reached the offline store)"),
                    asOfBefore.notes());

            BuiltDataset none = build(f, DatasetSpec.of(f.base("a,2026-01-02T00:00:00Z"), List.of(JoinedGroup.of("g")))
                    .withEventRange(Instant.parse("2030-01-01T00:00:00Z"), null), "none.csv");
            assertEquals(List.of("the dataset has no rows: the base gave none (check the as-of time, the event range, the"
                    + " most recent rows per record and the base's own filter)"), none.notes());
        }
    }

    @Test
    void anEmptyPartOfATimeSplitIsExplainedAndARandomSplitFillsEveryPart() {
        try (DatasetFixture f = fixture()) {
            DatasetBase base = f.base("a,2026-01-02T00:00:00Z", "a,2026-01-02T00:00:00Z", "a,2026-01-02T00:00:00Z",
                    "a,2026-01-02T00:00:00Z", "a,2026-01-02T00:00:00Z");
            DatasetSpec spec = DatasetSpec.of(base, List.of(JoinedGroup.of("g")));

            BuiltDataset byTime = build(f, spec.withSplit(DatasetSplit.parse("train=0.8,test=0.2",
                    DatasetSplit.Mode.BY_TIME, 0, "split")), "time.csv");
            BuiltDataset random = build(f, spec.withSplit(DatasetSplit.parse("train=0.8,test=0.2",
                    DatasetSplit.Mode.RANDOM, 0, "split")), "random.csv");

            assertEquals(List.of(5L, 0L), byTime.parts().stream().map(DatasetPart::rows).toList());
            assertEquals(List.of("part 'test' is empty: a split by time keeps rows of the same event time in one part,"
                    + " and the 5 rows have 1 distinct event time; split at random instead"),
                    byTime.notes());
            assertEquals(List.of(4L, 1L), random.parts().stream().map(DatasetPart::rows).toList());
            assertEquals(List.of(), random.notes());

            // Distinct times, but 10% of 4 rows rounds to none: the share is the cause, not the times.
            DatasetSpec four = DatasetSpec.of(f.base("a,2026-01-02T00:00:00Z", "a,2026-01-03T00:00:00Z",
                    "a,2026-01-04T00:00:00Z", "a,2026-01-05T00:00:00Z"), List.of(JoinedGroup.of("g")));
            for (DatasetSplit.Mode mode : DatasetSplit.Mode.values()) {
                BuiltDataset small = build(f, four.withSplit(DatasetSplit.parse("train=0.9,test=0.1", mode, 0, "split")),
                        "small-" + mode + ".csv");
                assertEquals(List.of(4L, 0L), small.parts().stream().map(DatasetPart::rows).toList(), mode.toString());
                assertEquals(List.of("part 'test' is empty: its share (10%) of 4 rows rounds to none; give it a larger"
                        + " share, or build from more rows"), small.notes(), mode.toString());
            }
        }
    }

    @Test
    void baseIdsAGroupWithIntegralIdsCanNeverMatchAreNoted() throws java.io.IOException {
        try (DatasetFixture f = fixture()) {
            f.store.createFeatureGroup(new org.featureworkbench.model.FeatureGroupDefinition("orders", "order_id", "ts",
                    List.of(new org.featureworkbench.model.FeatureDefinition("order_id", FeatureType.INTEGRAL),
                            new org.featureworkbench.model.FeatureDefinition("ts", FeatureType.STRING), integral("total")),
                    "", java.util.Map.of(), org.featureworkbench.model.OnlineStoreConfig.ENABLED,
                    org.featureworkbench.model.OfflineStoreConfig.ENABLED));
            f.put("orders", "order_id", "7", "ts", "2025-01-01T00:00:00Z", "total", "70");
            f.flush();
            Path csv = f.csv("ids.csv", "id,t", "7,2026-01-01T00:00:00Z", "abc,2026-01-01T00:00:00Z",
                    "1.5,2026-01-01T00:00:00Z", "a,2026-01-01T00:00:00Z");

            BuiltDataset built = build(f, DatasetSpec.of(DatasetBase.file(csv, "id", "t"),
                    List.of(JoinedGroup.of("g"), JoinedGroup.of("orders"))), "ids.csv");

            assertEquals(List.of("3 base rows have an id that is no whole number in column 'id' (e.g. '1.5'), and "
                    + "'orders' has Integral record ids: those rows get no values from it"), built.notes());
            f.put("orders", "order_id", "2", "ts", "2025-01-01T00:00:00Z", "total", "20");
            f.flush();
            Path floats = f.csv("floats.csv", "id,t", "7.0,2026-01-01T00:00:00Z", "1.5,2026-01-01T00:00:00Z");
            BuiltDataset joined = build(f, DatasetSpec.of(DatasetBase.file(floats, "id", "t"),
                    List.of(JoinedGroup.of("orders").withFeatures(List.of("total")))), "floats.csv");
            assertEquals(List.of("id,t,total", "1.5,2026-01-01T00:00:00Z,", "7.0,2026-01-01T00:00:00Z,70"),
                    java.nio.file.Files.readAllLines(joined.parts().get(0).file()),
                    "7.0 is record 7; 1.5 is no record (not 2, as a rounding cast would make it)");
            BuiltDataset whole = build(f, DatasetSpec.of(f.base("7,2026-01-01T00:00:00Z"), List.of(JoinedGroup.of("orders"))),
                    "whole.csv");
            assertEquals(List.of(), whole.notes(), "whole-number ids: nothing to note");
        }
    }

    private BuiltDataset build(DatasetFixture f, DatasetSpec spec, String name) {
        return f.store.datasets().build(spec, dir.resolve("out").resolve(name), DatasetProgress.NONE,
                new QueryCancellation());
    }

    private DatasetFixture fixture() {
        DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"));
        f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
        return f;
    }
}
