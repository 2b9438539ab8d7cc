package org.featureworkbench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The views and time travel on crafted cases, on real H2, Parquet and DuckDB files. */
class QueryEngineTest {
    @TempDir
    Path dir;

    @Test
    void latestPicksTheLaterInstantNotTheLaterText() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            // "…37.001Z" sorts before "…37Z" as text, but is 1 ms later.
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:37.001Z", "v", "2");
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:37Z", "v", "1");
            List<Object[]> latest = f.rows("SELECT v FROM g_latest");
            assertEquals(1, latest.size());
            assertEquals(2L, latest.get(0)[0]);
            assertEquals(2L, f.single("SELECT count(*) FROM g"));
        }
    }

    @Test
    void equalEventTimesKeepTheLaterInvocation() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "2");
            assertEquals(2L, f.single("SELECT v FROM g_latest"));
            FeatureGroup g = f.store.describeFeatureGroup("g");
            assertEquals(1, f.rows(f.store.query().timeTravel("g").history()).size(), "history dedupes");
            assertEquals(2, f.rows(f.store.query().timeTravel("g").history().includeDuplicates(true)).size());
            assertEquals("g", g.name());
        }
    }

    @Test
    void outOfOrderArrivalStillYieldsTheNewestEvent() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.FRACTIONAL,
                new FeatureDefinition("v", FeatureType.STRING))) {
            f.put("g", "id", "a", "ts", "1700000100.5", "v", "new");
            f.put("g", "id", "a", "ts", "1700000000", "v", "old");
            f.put("g", "id", "b", "ts", "1700000000.001", "v", "b1");
            f.put("g", "id", "b", "ts", "1700000000.002", "v", "b2");
            List<Object[]> rows = f.rows("SELECT id, v FROM g_latest ORDER BY id");
            assertEquals("new", rows.get(0)[1]);
            assertEquals("b2", rows.get(1)[1]);
            List<Object[]> history = f.rows(f.store.query().timeTravel("g").history().record("a"));
            assertEquals("old", history.get(0)[2], "history is oldest first by instant");
            assertEquals("new", history.get(1)[2]);
        }
    }

    @Test
    void aDeleteMarkerHidesTheRecordUntilANewerPut() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
            f.put("g", "id", "b", "ts", "2026-01-01T00:00:00Z", "v", "5");
            f.store.records().deleteRecord("g", "a", "2026-01-02T00:00:00Z", DeletionMode.SOFT_DELETE, Set.of());
            assertEquals(List.of("b"), ids(f.rows("SELECT id FROM g_latest ORDER BY id")));
            TimeTravel read = f.store.query().timeTravel("g");
            assertEquals(List.of("a", "b"), ids(f.rows(read.latest().includeDeleted(true))),
                    "include deleted ignores markers: a shows its last values");
            assertEquals(1L, byId(f.rows(read.latest().includeDeleted(true))).get(0)[2]);
            // The state at a time before the delete still has the record: a later delete never reaches back.
            assertEquals(List.of("a", "b"), ids(f.rows(read.latest().eventRange(null,
                    Instant.parse("2026-01-01T12:00:00Z")))));
            f.put("g", "id", "a", "ts", "2026-01-03T00:00:00Z", "v", "3");
            assertEquals(List.of("a", "b"), ids(f.rows("SELECT id FROM g_latest ORDER BY id")));
            assertEquals(3, f.rows(read.history().record("a").includeDeleted(true)).size(), "marker row shown");
            assertEquals(2, f.rows(read.history().record("a")).size(), "marker row hidden");
        }
    }

    @Test
    void asOfAWriteTimeShowsWhatTheStoreKnewThen() throws Exception {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
            f.store.records().flush("g");
            Thread.sleep(20);
            Instant between = Instant.now();
            Thread.sleep(20);
            // A backfill of an older event, written later: must not appear as of `between`.
            f.put("g", "id", "a", "ts", "2026-01-02T00:00:00Z", "v", "2");
            TimeTravel read = f.store.query().timeTravel("g");
            assertEquals(1L, f.rows(read.latest().asOf(between)).get(0)[2]);
            assertEquals(2L, f.rows(read.latest()).get(0)[2]);
        }
    }

    @Test
    void recentKeepsTheNNewestRowsPerRecord() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            for (int day = 1; day <= 5; day++) {
                f.put("g", "id", "a", "ts", "2026-01-0" + day + "T00:00:00Z", "v", Integer.toString(day));
            }
            f.put("g", "id", "b", "ts", "2026-01-01T00:00:00Z", "v", "9");
            List<Object[]> rows = f.rows(f.store.query().timeTravel("g").recent(2));
            assertEquals(3, rows.size());
            assertEquals(4L, rows.get(0)[2]);
            assertEquals(5L, rows.get(1)[2]);
            assertEquals(9L, rows.get(2)[2]);
        }
    }

    @Test
    void partitionNamedFeaturesReadTheirOwnValues() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("year", FeatureType.INTEGRAL), new FeatureDefinition("month", FeatureType.STRING),
                new FeatureDefinition("day", FeatureType.FRACTIONAL), new FeatureDefinition("hour", FeatureType.INTEGRAL))) {
            // The partition folder says year=2026/month=01/day=01/hour=05; the features say otherwise.
            f.put("g", "id", "a", "ts", "2026-01-01T05:00:00Z", "year", "1999", "month", "June", "day", "0.5",
                    "hour", "42");
            Object[] row = f.rows("SELECT year, month, day, hour FROM g").get(0);
            assertEquals(1999L, row[0]);
            assertEquals("June", row[1]);
            assertEquals(0.5, row[2]);
            assertEquals(42L, row[3]);
        }
    }

    @Test
    void featuresNamedLikeShortAliasesDoNotConfuseTheLatestView() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("t", FeatureType.INTEGRAL), new FeatureDefinition("r", FeatureType.STRING),
                new FeatureDefinition("n", FeatureType.INTEGRAL))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "t", "1", "r", "x", "n", "5");
            f.put("g", "id", "a", "ts", "2026-01-02T00:00:00Z", "t", "2", "r", "y", "n", "6");
            Object[] row = f.rows("SELECT t, r, n FROM g_latest").get(0);
            assertEquals(2L, row[0]);
            assertEquals("y", row[1]);
            assertEquals(6L, row[2]);
        }
    }

    @Test
    void viewsFollowAddedFeaturesAndDeletedGroups() {
        try (QueryFixture f = new QueryFixture(dir).group("ev-log", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            f.put("ev-log", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
            assertEquals(1L, f.single("SELECT count(*) FROM \"ev-log\""));
            f.store.addFeatures("ev-log", List.of(new FeatureDefinition("extra", FeatureType.STRING)));
            f.put("ev-log", "id", "b", "ts", "2026-01-01T00:00:00Z", "v", "2", "extra", "x");
            List<Object[]> rows = f.rows("SELECT id, extra FROM \"ev-log\" ORDER BY id");
            assertEquals(null, rows.get(0)[1], "older files lack the column: NULL");
            assertEquals("x", rows.get(1)[1]);
            f.store.deleteFeatureGroup("ev-log", false);
            QueryException gone = assertThrows(QueryException.class, () -> f.rows("SELECT * FROM \"ev-log\""));
            assertTrue(gone.getMessage().contains("ev-log"), gone.getMessage());
            f.group("ev-log", FeatureType.STRING);
            assertEquals(0L, f.single("SELECT count(*) FROM \"ev-log\""), "a re-created group never sees old files");
        }
    }

    @Test
    void resultsEqualAPlainDuckDbReadOfTheSameFiles() throws Exception {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL), new FeatureDefinition("x", FeatureType.FRACTIONAL))) {
            for (int i = 0; i < 300; i++) {
                f.put("g", "id", "r" + (i % 37), "ts", String.format("2026-01-%02dT%02d:00:00Z", 1 + i % 9, i % 24),
                        "v", Integer.toString(i), "x", Double.toString(i / 7.0));
            }
            Object[] engine = f.rows("SELECT count(*), sum(v), sum(x), count(DISTINCT id) FROM g").get(0);
            FeatureGroup g = f.store.describeFeatureGroup("g");
            String glob = f.store.offlineStoreDirectory().resolve(g.offlineFolderName()) + "/data/**/*.parquet";
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), sum(v), sum(x), count(DISTINCT id) FROM read_parquet('"
                         + glob + "', hive_partitioning = false)")) {
                rs.next();
                assertEquals(rs.getLong(1), engine[0]);
                assertEquals(rs.getObject(2).toString(), engine[1].toString());
                assertEquals(rs.getDouble(3), (Double) engine[2], 1e-9);
                assertEquals(rs.getLong(4), engine[3]);
            }
        }
    }

    @Test
    void filesWrittenOrCompactedByAnotherProcessAreSeenAtTheNextQuery() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
            assertEquals(1L, f.single("SELECT count(*) FROM g"));
            // A second store object on the same folder has its own locks: it stands for another process.
            org.featureworkbench.offline.ParquetOfflineStore other =
                    new org.featureworkbench.offline.ParquetOfflineStore(f.store.offlineStoreDirectory());
            FeatureGroup g = f.store.describeFeatureGroup("g");
            for (int i = 0; i < 3; i++) {
                other.append(g, List.of(org.featureworkbench.offline.OfflineRow.of(g.definition(),
                        java.util.Map.of("id", "b" + i, "ts", "2026-01-01T00:30:00Z", "v", 10L), Instant.now())));
            }
            assertEquals(4L, f.single("SELECT count(*) FROM g"));
            other.compact(g);
            assertEquals(4L, f.single("SELECT count(*) FROM g"));
            assertEquals(31L, ((Number) f.single("SELECT sum(v) FROM g")).longValue());
        }
    }

    @Test
    void compactionChangesNoResult() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            for (int i = 0; i < 50; i++) {
                f.put("g", "id", "r" + i, "ts", "2026-01-01T00:00:00Z", "v", Integer.toString(i));
                if (i % 10 == 9) {
                    f.store.records().flush("g");
                }
            }
            assertEquals(50L, f.single("SELECT count(*) FROM g"));
            f.store.records().compact("g");
            assertEquals(50L, f.single("SELECT count(*) FROM g"));
            assertEquals(1225L, ((Number) f.single("SELECT sum(v) FROM g")).longValue());
        }
    }

    @Test
    void aGroupWithoutAnOfflineStoreSaysItHasNoHistory() {
        try (QueryFixture f = new QueryFixture(dir)) {
            f.store.createFeatureGroup(new org.featureworkbench.model.FeatureGroupDefinition("online_only", "id", "ts",
                    List.of(new FeatureDefinition("id", FeatureType.STRING), new FeatureDefinition("ts", FeatureType.STRING)),
                    "", java.util.Map.of(), org.featureworkbench.model.OnlineStoreConfig.ENABLED,
                    org.featureworkbench.model.OfflineStoreConfig.DISABLED));
            QueryException e = assertThrows(QueryException.class, () -> f.rows("SELECT * FROM online_only_latest"));
            assertTrue(e.getMessage().contains("has no offline store"), e.getMessage());
            assertTrue(f.store.query().relations().isEmpty(), "no views for it");
        }
    }

    /** A latest snapshot has no order of its own (it is a view); tests sort it by record id. */
    private static List<String> ids(List<Object[]> rows) {
        return byId(rows).stream().map(r -> (String) r[0]).toList();
    }

    private static List<Object[]> byId(List<Object[]> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(r -> (String) r[0])).toList();
    }
}
