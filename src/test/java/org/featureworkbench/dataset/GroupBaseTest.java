package org.featureworkbench.dataset;

import static org.featureworkbench.dataset.DatasetFixture.integral;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feature group as the base: its history, deduplicated and without delete markers unless asked. */
class GroupBaseTest {
    @TempDir
    Path dir;

    @Test
    void aGroupBaseIsItsDeduplicatedHistoryWithoutDeleteMarkers() throws InterruptedException {
        try (DatasetFixture f = history()) {
            DatasetFixture.Table t = f.rows(spec());
            assertEquals(List.of("id", "ts", "v", "w"), t.columns(), "its features, then the joined group's");
            assertEquals(List.of(2L, 3L), t.column("v"));
            assertEquals(Arrays.asList(20L, null), t.column("w"), "each base row joined at its own event time");
        }
    }

    @Test
    void includeDuplicatesKeepsEveryStoredRowOfTheBase() throws InterruptedException {
        try (DatasetFixture f = history()) {
            DatasetFixture.Table t = f.rows(spec().withIncludeDuplicates(true));
            assertEquals(List.of(1L, 2L, 3L), t.column("v"), "the duplicates of 00:00:10 ordered by their values");
        }
    }

    @Test
    void includeDeletedListsNoMarkerRowsAndIgnoresMarkersInJoinedGroups() throws InterruptedException {
        try (DatasetFixture f = history()) {
            DatasetFixture.Table t = f.rows(spec().withIncludeDeleted(true));
            assertEquals(List.of("id", "ts", "v", "w"), t.columns(), "no is_deleted column: every row is a record's values");
            assertEquals(List.of("2026-01-01T00:00:10Z", "2026-01-01T00:00:30Z"),
                    t.column("ts").stream().map(String::valueOf).toList(), "g's delete at 00:00:40 is no base row");
            assertEquals(List.of(2L, 3L), t.column("v"));
            assertEquals(List.of(20L, 20L), t.column("w"), "h's delete at 00:00:25 is ignored");
        }
    }

    @Test
    void includeDeletedCountsNoMarkerAmongTheMostRecentRows() throws InterruptedException {
        try (DatasetFixture f = history()) {
            DatasetFixture.Table t = f.rows(spec().withIncludeDeleted(true).withRecent(1));
            assertEquals(List.of(3L), t.column("v"), "a@30, not the marker a@40");
        }
    }

    @Test
    void aDeleteAtARowsOwnEventTimeHidesItUnlessDeletedRecordsAreIncluded() throws InterruptedException {
        try (DatasetFixture f = history()) {
            f.put("g", "id", "b", "ts", "2026-01-01T00:00:50Z", "v", "5");
            f.delete("g", "b", "2026-01-01T00:00:50Z");
            assertEquals(List.of(2L, 3L), f.rows(spec()).column("v"), "b's state at 00:00:50 is deleted");
            assertEquals(List.of(2L, 3L, 5L), f.rows(spec().withIncludeDeleted(true)).column("v"),
                    "with the marker ignored, b@50 is the row written");
        }
    }

    /**
     * g: a@10 twice (v=1 then v=2), a@30 v=3, a delete of a@40. h: a@05 w=20, a delete of a@25.
     */
    private DatasetFixture history() throws InterruptedException {
        DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"))
                .group("h", FeatureType.STRING, integral("w"));
        f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "1");
        PointInTimeRulesTest.afterAPause();
        f.put("g", "id", "a", "ts", "2026-01-01T00:00:10Z", "v", "2");
        f.put("g", "id", "a", "ts", "2026-01-01T00:00:30Z", "v", "3");
        f.delete("g", "a", "2026-01-01T00:00:40Z");
        f.put("h", "id", "a", "ts", "2026-01-01T00:00:05Z", "w", "20");
        f.delete("h", "a", "2026-01-01T00:00:25Z");
        return f;
    }

    private static DatasetSpec spec() {
        return DatasetSpec.of(DatasetBase.group("g"), List.of(JoinedGroup.of("h").withFeatures(List.of("w"))));
    }
}
