package org.featureworkbench.dataset;

import static org.featureworkbench.dataset.DatasetFixture.integral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows of one record with equal event times are duplicates: the last in the order (event time,
 * api_invocation_time, write_time) wins — as the state of a joined group and in a group base.
 */
class DuplicatesTieBreakTest {
    /** Each record's winner is written first in the file, so the row order cannot explain it. */
    private static final String ROWS = "SELECT * FROM (VALUES "
            + "('a', '2026-01-01T00:00:10Z', 1::BIGINT, TIMESTAMPTZ '2026-02-01 00:00:02+00', TIMESTAMPTZ '2026-02-01 00:00:03+00', false), "
            + "('a', '2026-01-01T00:00:10Z', 2::BIGINT, TIMESTAMPTZ '2026-02-01 00:00:01+00', TIMESTAMPTZ '2026-02-01 00:00:09+00', false), "
            + "('b', '2026-01-01T00:00:10Z', 3::BIGINT, TIMESTAMPTZ '2026-02-01 00:00:01+00', TIMESTAMPTZ '2026-02-01 00:00:09+00', false), "
            + "('b', '2026-01-01T00:00:10Z', 4::BIGINT, TIMESTAMPTZ '2026-02-01 00:00:01+00', TIMESTAMPTZ '2026-02-01 00:00:05+00', false)"
            + ") t(id, ts, v, api_invocation_time, write_time, is_deleted)";

    @TempDir
    Path dir;

    @Test
    void theLaterInvocationWinsEvenWhenWrittenEarlierAndOfEqualInvocationsTheLaterWrite() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            CraftedOfflineFile.publish(f.store, "g", "year=2026/month=01/day=01/hour=00", "20260101T000010Z", ROWS);
            assertEquals(4L, f.rows(groupBase().withIncludeDuplicates(true)).rows().size(), "the crafted rows are read");
            DatasetBase base = f.base("a,2026-01-01T00:00:20Z", "b,2026-01-01T00:00:20Z");
            assertEquals(List.of(1L, 3L), f.rows(PointInTimeRulesTest.join(base, "g")).column("v"));
            assertEquals(List.of(1L, 3L), f.rows(groupBase()).column("v"), "a group base keeps the same winners");
        }
    }

    @Test
    void asOfDecidesBeforeTheTieBreak() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            CraftedOfflineFile.publish(f.store, "g", "year=2026/month=01/day=01/hour=00", "20260101T000010Z", ROWS);
            DatasetBase base = f.base("a,2026-01-01T00:00:20Z", "b,2026-01-01T00:00:20Z");
            DatasetSpec spec = PointInTimeRulesTest.join(base, "g");
            assertEquals(Arrays.asList(1L, null), f.rows(spec.withAsOf(Instant.parse("2026-02-01T00:00:04Z"))).column("v"));
            assertEquals(List.of(1L, 4L), f.rows(spec.withAsOf(Instant.parse("2026-02-01T00:00:05Z"))).column("v"),
                    "write_time <= W includes W itself");
        }
    }

    @Test
    void onlyAGroupWithRepeatedEventTimesPaysForTheTieBreak() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            CraftedOfflineFile.publish(f.store, "g", "year=2026/month=01/day=01/hour=00", "20260101T000010Z", ROWS);
            DatasetSpec spec = PointInTimeRulesTest.join(f.base("a,2026-01-01T00:00:20Z"), "g");
            assertTrue(f.store.datasets().plan(spec).sql().contains("arg_max"), "two rows share (a, 00:00:10)");
            DatasetSpec before = spec.withAsOf(Instant.parse("2026-02-01T00:00:04Z"));
            assertFalse(f.store.datasets().plan(before).sql().contains("arg_max"),
                    "as of 00:00:04 only one row of 'a' was written, so the rows are read as they are");
            assertEquals(List.of(1L), f.rows(before).column("v"));
        }
    }

    @Test
    void aGroupFoundWithoutRepeatsIsCheckedAgainOnceItsRowsChange() {
        try (DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1").flush();
            DatasetSpec spec = PointInTimeRulesTest.join(f.base("a,2026-01-01T00:00:20Z"), "g");
            assertFalse(f.store.datasets().plan(spec).sql().contains("arg_max"));
            assertEquals(List.of(1L), f.rows(spec).column("v"));
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "2").flush();
            assertTrue(f.store.datasets().plan(spec).sql().contains("arg_max"), "a second row for (a, 00:00:10) arrived");
            assertEquals(List.of(2L), f.rows(spec).column("v"), "the later put wins");
        }
    }

    private static DatasetSpec groupBase() {
        return DatasetSpec.of(DatasetBase.group("g"), List.of(JoinedGroup.of("g").withFeatures(List.of("v"))));
    }
}
