package org.featureworkbench.dataset;

import static org.featureworkbench.dataset.DatasetFixture.integral;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN.md §3's point-in-time rule, one test per clause, on a real workspace. */
class PointInTimeRulesTest {
    @TempDir
    Path dir;

    @Test
    void eachBaseRowSeesTheRecordsLastRowAtOrBeforeItsTime() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            // Written out of order: arrival order must not matter, only event time.
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:30Z", "v", "3");
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1");
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:20Z", "v", "2");
            DatasetBase base = f.base("a,2026-01-01T00:00:09Z", "a,2026-01-01T00:00:10Z", "a,2026-01-01T00:00:19.999Z",
                    "a,2026-01-01T00:00:20Z", "a,2026-01-01T00:01:00Z");
            assertEquals(Arrays.asList(null, 1L, 1L, 2L, 3L), f.rows(join(base, "g")).column("v"));
        }
    }

    @Test
    void aDeleteMarkerAtOrBeforeTheBaseTimeGivesNulls() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1");
            f.delete("g", "a", "2026-01-01T00:00:20Z");
            DatasetFixture.Table t = f.rows(join(f.base("a,2026-01-01T00:00:19Z", "a,2026-01-01T00:00:20Z",
                    "a,2026-01-01T00:00:25Z"), "g"));
            assertEquals(Arrays.asList(1L, null, null), t.column("v"));
            assertEquals(Arrays.asList("2026-01-01T00:00:10Z", null, null), t.column("ts"),
                    "a deleted record contributes no feature at all, not even its event time");
        }
    }

    @Test
    void aDeleteAfterTheBaseTimeNeverReachesBack() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1");
            f.delete("g", "a", "2026-01-01T00:00:20Z");
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:30Z", "v", "3");
            f.delete("g", "a", "2026-01-01T00:00:40Z");
            DatasetBase base = f.base("a,2026-01-01T00:00:15Z", "a,2026-01-01T00:00:25Z", "a,2026-01-01T00:00:35Z",
                    "a,2026-01-01T00:00:45Z");
            // SageMaker's DatasetBuilder would drop everything before the latest delete; DESIGN.md §3 does not.
            assertEquals(Arrays.asList(1L, null, 3L, null), f.rows(join(base, "g")).column("v"));
        }
    }

    @Test
    void lookbackTreatsAStateOlderThanTheWindowAsMissing() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))
                .group("h", FeatureType.STRING, integral("w"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1");
            f.put("h", "id", "a", "ts", "2026-01-01T00:00:10Z", "w", "1");
            DatasetBase base = f.base("a,2026-01-01T00:00:12Z", "a,2026-01-01T00:00:15Z", "a,2026-01-01T00:00:15.001Z");
            DatasetSpec spec = DatasetSpec.of(base, List.of(JoinedGroup.of("g").withLookback(Duration.ofSeconds(5)),
                    JoinedGroup.of("h")));
            DatasetFixture.Table t = f.rows(spec);
            assertEquals(Arrays.asList(1L, 1L, null), t.column("v"), "a state exactly T - 5 s old is still in the window");
            assertEquals(List.of(1L, 1L, 1L), t.column("w"), "the lookback is per group");
        }
    }

    @Test
    void asOfLeavesOutABackfillWrittenLater() throws InterruptedException {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1").flush();
            Instant knewThen = afterAPause();
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:15Z", "v", "2");
            f.delete("g", "a", "2026-01-01T00:00:18Z").flush();
            DatasetBase base = f.base("a,2026-01-01T00:00:20Z");
            assertEquals(Arrays.asList((Object) null), f.rows(join(base, "g")).column("v"));
            assertEquals(List.of(1L), f.rows(join(base, "g").withAsOf(knewThen)).column("v"));
        }
    }

    @Test
    void ofEqualEventTimesTheLaterInvocationWinsAndALaterEventTimeBeatsALaterInvocation() throws InterruptedException {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1");
            afterAPause();
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "2");
            f.put("g", "id", "b", "ts", "2026-01-01T00:00:20Z", "v", "20");
            afterAPause();
            f.put("g", "id", "b", "ts", "2026-01-01T00:00:10Z", "v", "10");
            DatasetBase base = f.base("a,2026-01-01T00:00:10Z", "b,2026-01-01T00:00:25Z");
            assertEquals(List.of(2L, 20L), f.rows(join(base, "g")).column("v"));
        }
    }

    @Test
    void stringAndFractionalEventTimesCompareAsInstantsNotAsText() {
        try (DatasetFixture f = new DatasetFixture(dir).group("gs", FeatureType.STRING, integral("v"))
                .group("gf", FeatureType.FRACTIONAL, integral("w"))) {
            // "…37.001Z" sorts before "…37Z" as text, but is 1 ms later.
            f.put("gs", "id", "a", "ts", "2026-01-01T00:00:37.001Z", "v", "2");
            f.put("gs", "id", "a", "ts", "2026-01-01T00:00:37Z", "v", "1");
            f.put("gf", "id", "a", "ts", "1767225637.001", "w", "2");
            f.put("gf", "id", "a", "ts", "1767225637", "w", "1");
            DatasetBase base = f.base("a,2026-01-01T00:00:37.001Z", "a,2026-01-01T00:00:37Z", "a,2026-01-01T00:00:36.999Z");
            DatasetFixture.Table t = f.rows(DatasetSpec.of(base, List.of(JoinedGroup.of("gs"), JoinedGroup.of("gf"))));
            assertEquals(Arrays.asList(null, 1L, 2L), t.column("v"), "rows in instant order: 36.999, 37, 37.001");
            assertEquals(Arrays.asList(null, 1L, 2L), t.column("w"));
            assertEquals(Arrays.asList(null, 1767225637.0, 1767225637.001), t.column("gf.ts"));
        }
    }

    static DatasetSpec join(DatasetBase base, String group) {
        return DatasetSpec.of(base, List.of(JoinedGroup.of(group)));
    }

    /** An instant strictly between what was written before and what is written after. */
    static Instant afterAPause() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(5);
        return now;
    }
}
