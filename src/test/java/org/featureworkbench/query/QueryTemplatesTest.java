package org.featureworkbench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each template runs as a user's query on a real workspace and answers what its name says. */
class QueryTemplatesTest {
    @TempDir
    Path dir;

    private static QueryFixture withValues(QueryFixture f) {
        return f.group("g", FeatureType.STRING, new FeatureDefinition("v", FeatureType.INTEGRAL));
    }

    private static QueryTemplates templates(QueryFixture f) {
        FeatureGroup group = f.store.describeFeatureGroup("g");
        return new QueryTemplates(group);
    }

    private static List<Object> column(List<Object[]> rows, int index) {
        return rows.stream().map(r -> r[index]).toList();
    }

    @Test
    void latestReturnsOneRowPerRecordByInstantNotText() {
        try (QueryFixture f = withValues(new QueryFixture(dir))) {
            // "…37.001Z" sorts before "…37Z" as text, but is 1 ms later: it must win.
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:37.001Z", "v", "2");
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:37Z", "v", "1");
            f.put("g", "id", "b", "ts", "2026-01-01T00:00:00Z", "v", "7");
            f.put("g", "id", "c", "ts", "2026-01-01T00:00:00Z", "v", "8");
            f.store.records().deleteRecord("g", "c", "2026-01-02T00:00:00Z", DeletionMode.SOFT_DELETE, Set.of());
            String sql = templates(f).latest();
            assertTrue(sql.contains("event_instant(\"ts\") DESC"), sql);
            List<Object[]> rows = f.rows(sql + "\nORDER BY id");
            assertEquals(List.of("a", "b"), column(rows, 0), "one row per record, the deleted one left out");
            assertEquals(List.of(2L, 7L), column(rows, 2));
            assertEquals(f.rows("SELECT id, v FROM g_latest ORDER BY id").size(), rows.size(),
                    "the template agrees with the _latest view");
        }
    }

    @Test
    void asOfLeavesOutRowsWrittenLater() throws Exception {
        try (QueryFixture f = withValues(new QueryFixture(dir))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
            f.store.records().flush("g");
            Thread.sleep(20);
            Instant between = Instant.now();
            Thread.sleep(20);
            f.put("g", "id", "a", "ts", "2026-01-02T00:00:00Z", "v", "2");
            f.put("g", "id", "b", "ts", "2025-12-01T00:00:00Z", "v", "9");
            List<Object[]> then = f.rows(templates(f).asOf(between));
            assertEquals(1, then.size(), "b was written after the as-of time");
            assertEquals(1L, then.get(0)[2]);
            assertEquals(2, f.rows(templates(f).asOf(Instant.now().plusSeconds(60))).size());
        }
    }

    @Test
    void withoutDuplicatesKeepsTheLastWrittenRowOfEachEventTimeOldestFirst() {
        try (QueryFixture f = withValues(new QueryFixture(dir))) {
            f.put("g", "id", "a", "ts", "2026-01-02T00:00:00Z", "v", "3");
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
            // api_invocation_time has millisecond precision: two puts in one millisecond tie, and
            // the templates (over the user views) have no later tie-breaker.
            pause(3);
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00.000Z", "v", "2");
            assertEquals(3L, f.single("SELECT count(*) FROM g"));
            List<Object[]> rows = f.rows(templates(f).withoutDuplicates());
            assertEquals(List.of(2L, 3L), column(rows, 2),
                    "the two spellings of one instant are duplicates; the later write wins; oldest first");
        }
    }

    @Test
    void deletedListsRecordsDeletedNowWithTheirLastValues() {
        try (QueryFixture f = withValues(new QueryFixture(dir))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
            f.put("g", "id", "a", "ts", "2026-01-02T00:00:00Z", "v", "2");
            f.store.records().deleteRecord("g", "a", "2026-01-03T00:00:00Z", DeletionMode.SOFT_DELETE, Set.of());
            f.put("g", "id", "b", "ts", "2026-01-01T00:00:00Z", "v", "5");
            f.store.records().deleteRecord("g", "b", "2026-01-02T00:00:00Z", DeletionMode.SOFT_DELETE, Set.of());
            f.put("g", "id", "b", "ts", "2026-01-04T00:00:00Z", "v", "6");
            f.put("g", "id", "c", "ts", "2026-01-01T00:00:00Z", "v", "9");
            List<Object[]> rows = f.rows(templates(f).deleted());
            assertEquals(List.of("a"), column(rows, 0), "b was put again after its delete; c never deleted");
            assertEquals(2L, rows.get(0)[2], "the last values before the delete");
        }
    }

    @Test
    void countByHourBucketsEventInstants() {
        try (QueryFixture f = withValues(new QueryFixture(dir))) {
            f.put("g", "id", "a", "ts", "2026-01-01T10:15:00Z", "v", "1");
            f.put("g", "id", "b", "ts", "2026-01-01T10:59:59.999Z", "v", "1");
            f.put("g", "id", "a", "ts", "2026-01-01T10:30:00Z", "v", "2");
            f.put("g", "id", "a", "ts", "2026-01-01T12:00:00Z", "v", "3");
            List<Object[]> rows = f.rows(templates(f).countByHour());
            assertEquals(List.of(Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T12:00:00Z")),
                    column(rows, 0));
            assertEquals(List.of(3L, 1L), column(rows, 1));
            assertEquals(List.of(2L, 1L), column(rows, 2));
        }
    }

    @Test
    void recordHistoryShowsEveryRowOfOneRecordOldestFirst() {
        try (QueryFixture f = new QueryFixture(dir)) {
            f.store.createFeatureGroup(new org.featureworkbench.model.FeatureGroupDefinition("n", "id", "ts",
                    List.of(new FeatureDefinition("id", FeatureType.INTEGRAL), new FeatureDefinition("ts", FeatureType.FRACTIONAL),
                            new FeatureDefinition("v", FeatureType.STRING)), "", java.util.Map.of(),
                    org.featureworkbench.model.OnlineStoreConfig.ENABLED, org.featureworkbench.model.OfflineStoreConfig.ENABLED));
            f.put("n", "id", "7", "ts", "1700000100", "v", "late");
            f.put("n", "id", "7", "ts", "99999999.5", "v", "early");
            f.put("n", "id", "8", "ts", "1700000000", "v", "other");
            QueryTemplates t = new QueryTemplates(f.store.describeFeatureGroup("n"));
            String sql = t.recordHistory(" 7 ");
            assertTrue(sql.contains("\"id\" = 7"), sql);
            // As text "99999999.5" > "1700000100"; as numbers it is much earlier.
            assertEquals(List.of("early", "late"), column(f.rows(sql), 2));
            QueryException notANumber = org.junit.jupiter.api.Assertions.assertThrows(QueryException.class,
                    () -> f.rows(t.recordHistory("x'); DROP")));
            assertTrue(notANumber.getMessage().startsWith("Conversion Error"),
                    "a non-number id stays one quoted literal: " + notANumber.getMessage());
        }
    }

    @Test
    void everyTemplatePassesTheConsoleGuardForAGroupNeedingQuotes() {
        try (QueryFixture f = new QueryFixture(dir).group("ev-log", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            f.put("ev-log", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
            f.put("ev-log", "id", "b", "ts", "2026-01-01T00:00:00Z", "v", "2");
            f.store.records().deleteRecord("ev-log", "b", "2026-01-02T00:00:00Z", DeletionMode.SOFT_DELETE, Set.of());
            QueryTemplates t = new QueryTemplates(f.store.describeFeatureGroup("ev-log"));
            for (QueryTemplates.Template template : QueryTemplates.Template.values()) {
                String sql = t.sql(template, Instant.now(), "a");
                assertTrue(f.rows(sql).size() >= 1, template + " returned nothing:\n" + sql);
            }
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
