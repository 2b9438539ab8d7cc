package org.featureworkbench.dataset;

import static org.featureworkbench.dataset.DatasetFixture.integral;
import static org.featureworkbench.dataset.DatasetFixture.string;
import static org.featureworkbench.dataset.PointInTimeRulesTest.join;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to the base rows: every one kept, in a fixed order, and the options that cut them. */
class BaseOptionsTest {
    @TempDir
    Path dir;

    @Test
    void everyBaseRowIsKeptIncludingDuplicatesAndUnmatchedIds() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1");
            f.put("g", "id", "b", "ts", "2026-01-01T00:00:10Z", "v", "2");
            DatasetFixture.Table t = f.rows(join(f.base("b,2026-01-01T00:00:20Z", "a,2026-01-01T00:00:10Z",
                    "zz,2026-01-01T00:00:10Z", "a,2026-01-01T00:00:10Z", "a,2026-01-01T00:00:05Z"), "g"));
            assertEquals(List.of("a", "a", "a", "zz", "b"), t.column("id"), "by event time, then id");
            assertEquals(Arrays.asList(null, 1L, 1L, null, 2L), t.column("v"));
        }
    }

    @Test
    void rowsWithEqualTimeAndIdAreOrderedByTheOtherBaseColumns() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1");
            Path csv = f.csv("labels.csv", "label,id,t", "3,a,2026-01-01T00:00:10Z", "1,a,2026-01-01T00:00:10Z",
                    "2,b,2026-01-01T00:00:09Z", "2,a,2026-01-01T00:00:10Z");
            DatasetFixture.Table t = f.rows(join(DatasetBase.file(csv, "id", "t"), "g"));
            assertEquals(List.of("label", "id", "t", "ts", "v"), t.columns(), "the base's columns first, as in the file");
            assertEquals(List.of("b", "a", "a", "a"), t.column("id"));
            assertEquals(List.of(2L, 1L, 2L, 3L), t.column("label"));
        }
    }

    @Test
    void aCollidingNameBecomesGroupDotFeature() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))
                .group("h", FeatureType.STRING, integral("v"), string("label"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1");
            f.put("h", "id", "a", "ts", "2026-01-01T00:00:11Z", "v", "2", "label", "x");
            Path csv = f.csv("collide.csv", "id,t,v,label", "a,2026-01-01T00:00:20Z,7,9");
            DatasetFixture.Table t = f.rows(DatasetSpec.of(DatasetBase.file(csv, "id", "t"),
                    List.of(JoinedGroup.of("g"), JoinedGroup.of("h"))));
            assertEquals(List.of("id", "t", "v", "label", "ts", "g.v", "h.ts", "h.v", "h.label"), t.columns());
            assertEquals(List.of(1L), t.column("g.v"));
            assertEquals(List.of(2L), t.column("h.v"));
            assertEquals(List.of("x"), t.column("h.label"));
        }
    }

    @Test
    void baseEventTimesMayBeEpochSeconds() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1");
            // 1767225610 = 2026-01-01T00:00:10Z
            DatasetFixture.Table whole = f.rows(join(f.base("a,1767225609", "a,1767225610"), "g"));
            assertEquals(Arrays.asList(null, 1L), whole.column("v"));
            DatasetFixture.Table fractions = f.rows(join(f.base("a,1767225609.999", "a,1767225610.0", "a,1767225610.5"),
                    "g"));
            assertEquals(Arrays.asList(null, 1L, 1L), fractions.column("v"));
        }
    }

    @Test
    void theEventRangeKeepsBaseRowsBetweenItsEndsInclusive() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:01Z", "v", "1");
            DatasetBase base = f.base("a,2026-01-01T00:00:09.999Z", "a,2026-01-01T00:00:10Z", "b,2026-01-01T00:00:15Z",
                    "a,2026-01-01T00:00:20Z", "a,2026-01-01T00:00:20.001Z");
            DatasetSpec spec = join(base, "g").withEventRange(Instant.parse("2026-01-01T00:00:10Z"),
                    Instant.parse("2026-01-01T00:00:20Z"));
            assertEquals(List.of("a", "b", "a"), f.rows(spec).column("id"));
            assertEquals(2, f.rows(join(base, "g").withEventRange(null, Instant.parse("2026-01-01T00:00:10Z")))
                    .rows().size(), "an open start");
        }
    }

    @Test
    void recentKeepsTheNMostRecentBaseRowsOfEachId() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:01Z", "v", "1");
            DatasetBase base = f.base("a,2026-01-01T00:00:30Z", "a,2026-01-01T00:00:10Z", "b,2026-01-01T00:00:05Z",
                    "a,2026-01-01T00:00:20Z", "b,2026-01-01T00:00:06Z", "c,2026-01-01T00:00:01Z");
            DatasetFixture.Table t = f.rows(join(base, "g").withRecent(2));
            assertEquals(List.of("c", "b", "b", "a", "a"), t.column("id"));
            assertEquals(5, t.rows().size());
            assertEquals(List.of("c", "b", "a"), f.rows(join(base, "g").withRecent(1)).column("id"));
        }
    }

    @Test
    void limitKeepsTheFirstRowsInOutputOrder() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:01Z", "v", "1");
            DatasetBase base = f.base("c,2026-01-01T00:00:30Z", "b,2026-01-01T00:00:10Z", "a,2026-01-01T00:00:10Z",
                    "d,2026-01-01T00:00:05Z");
            assertEquals(List.of("d", "a"), f.rows(join(base, "g").withLimit(2)).column("id"));
        }
    }

    @Test
    void pointInTimeOffJoinsEachGroupsLatestStateAsOfW() throws InterruptedException {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1");
            f.put("g", "id", "b", "ts", "2026-01-01T00:00:10Z", "v", "5").flush();
            Instant w = PointInTimeRulesTest.afterAPause();
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:50Z", "v", "2");
            f.delete("g", "b", "2026-01-01T00:00:50Z").flush();
            DatasetSpec spec = join(f.base("a,2026-01-01T00:00:05Z", "b,2026-01-01T00:00:06Z"), "g").withPointInTime(false);
            assertEquals(Arrays.asList(2L, null), f.rows(spec).column("v"), "the latest state, though after T");
            assertEquals(List.of(1L, 5L), f.rows(spec.withAsOf(w)).column("v"));
            assertEquals(List.of(2L, 5L), f.rows(spec.withIncludeDeleted(true)).column("v"));
        }
    }
}
