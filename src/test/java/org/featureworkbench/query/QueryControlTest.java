package org.featureworkbench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancel, timeout, paging, streaming, export, and queries racing compaction. */
class QueryControlTest {
    private static final String ENDLESS = "SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3";

    @TempDir
    Path dir;

    @Test
    void cancelStopsARunningQueryAndTheEngineStaysUsable() throws Exception {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING)) {
            QueryCancellation cancellation = new QueryCancellation();
            CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
                sleep(300);
                cancellation.cancel();
            });
            long started = System.nanoTime();
            QueryException stopped = assertThrows(QueryException.class,
                    () -> f.store.query().run(ENDLESS, QueryOptions.DEFAULT, cancellation));
            canceller.get(5, TimeUnit.SECONDS);
            assertTrue(stopped.getMessage().contains("cancelled"), stopped.getMessage());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10));
            assertEquals(0L, f.single("SELECT count(*) FROM g"));
        }
    }

    @Test
    void aTimeoutStopsTheQueryWithAMessageSayingSo() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING)) {
            QueryException timedOut = assertThrows(QueryException.class, () -> f.store.query().stream(ENDLESS,
                    new QueryOptions(0, Duration.ofMillis(300)), new QueryCancellation(), new CollectingSink()));
            assertTrue(timedOut.getMessage().contains("300 ms timeout"), timedOut.getMessage());
        }
    }

    @Test
    void largeResultsArePagedFromDuckDb() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING);
             QueryResult result = f.store.query().run("SELECT range AS n FROM range(250000) ORDER BY n DESC",
                     QueryOptions.DEFAULT, new QueryCancellation())) {
            assertEquals(250_000, result.rowCount());
            assertEquals("n", result.columns().get(0).name());
            assertTrue(result.columns().get(0).numeric());
            List<Object[]> page = result.page(100_000, 1_000);
            assertEquals(1_000, page.size());
            assertEquals(149_999L, page.get(0)[0], "pages keep the query's order");
            assertEquals(10, result.page(249_990, 1_000).size());
        }
    }

    @Test
    void streamingAndLimitGiveTheRowsInOrder() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING)) {
            CollectingSink sink = new CollectingSink();
            long n = f.store.query().stream("SELECT range FROM range(10) ORDER BY range -- a trailing comment",
                    new QueryOptions(4, null), new QueryCancellation(), sink);
            assertEquals(4, n);
            assertEquals(List.of(0L, 1L, 2L, 3L), sink.firstColumn);
        }
    }

    @Test
    void exportsWriteCsvAndParquetButNeverIntoTheStores() throws Exception {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
            f.put("g", "id", "a", "ts", "2026-01-02T00:00:00Z", "v", "2");
            Path csv = f.store.exportsDirectory().resolve("sub/g.csv");
            long rows = f.store.query().export("SELECT id, v FROM g ORDER BY v", csv, ExportFormat.CSV,
                    new QueryCancellation());
            assertEquals(2, rows);
            assertEquals(List.of("id,v", "a,1", "a,2"), Files.readAllLines(csv));
            Path parquet = dir.resolve("latest.parquet");
            assertEquals(1, f.store.query().export(f.store.query().timeTravel("g").latest(), parquet,
                    ExportFormat.PARQUET, new QueryCancellation()));
            assertEquals(2L, f.single("SELECT max(v) FROM g_latest"));
            ValidationException intoStore = assertThrows(ValidationException.class, () -> f.store.query().export(
                    "SELECT 1", f.store.offlineStoreDirectory().resolve("x.csv"), ExportFormat.CSV,
                    new QueryCancellation()));
            assertTrue(intoStore.getMessage().contains("offline-store"), intoStore.getMessage());
            Path workspace = f.store.workspaceDirectory();
            for (String own : List.of("backup", "damaged", "jobs", "locks", "logs", "datasets", "journal", "query",
                    "online")) {
                Path target = workspace.resolve(own).resolve("sub").resolve("x.csv");
                ValidationException refused = assertThrows(ValidationException.class, () -> f.store.query().export(
                        "SELECT 1", target, ExportFormat.CSV, new QueryCancellation()), own);
                assertTrue(refused.getMessage().contains("workspace's " + own + "/ folder")
                        && refused.getMessage().contains("exports"), refused.getMessage());
                assertTrue(!Files.exists(target.getParent()), "nothing created for a refused export: " + target);
            }
            Path link = dir.resolve("link-to-jobs");
            Files.createDirectories(workspace.resolve("jobs"));
            Files.createSymbolicLink(link, workspace.resolve("jobs"));
            ValidationException throughLink = assertThrows(ValidationException.class, () -> f.store.query().export(
                    "SELECT 1", link.resolve("x.csv"), ExportFormat.CSV, new QueryCancellation()));
            assertTrue(throughLink.getMessage().contains("jobs/ folder"), throughLink.getMessage());
            ValidationException folder = assertThrows(ValidationException.class, () -> f.store.query().export(
                    "SELECT 1", dir, ExportFormat.CSV, new QueryCancellation()));
            assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
            assertThrows(QueryException.class, () -> f.store.query().export("DROP VIEW g", dir.resolve("x.csv"),
                    ExportFormat.CSV, new QueryCancellation()));
            assertEquals(List.of("id,v", "a,1", "a,2"), Files.readAllLines(csv), "a failed export leaves files alone");
        }
    }

    @Test
    void queriesDuringCompactionNeverFailOrDoubleCount() throws Exception {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            AtomicBoolean done = new AtomicBoolean();
            List<Long> counts = new ArrayList<>();
            long expected = 0;
            for (int round = 0; round < 6; round++) {
                for (int i = 0; i < 40; i++) {
                    f.put("g", "id", "r" + i, "ts", String.format("2026-01-01T%02d:00:00Z", i % 4), "v", "1");
                    expected++;
                }
                f.store.records().flush("g");
            }
            final long total = expected;
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                while (!done.get()) {
                    counts.add((Long) f.single("SELECT count(*) FROM g"));
                }
            });
            for (int i = 0; i < 3; i++) {
                f.store.records().compact("g");
            }
            done.set(true);
            reader.get(30, TimeUnit.SECONDS);
            assertTrue(!counts.isEmpty());
            assertTrue(counts.stream().allMatch(c -> c == total), "every count is " + total + ": " + counts);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class CollectingSink implements RowSink {
        final List<Object> firstColumn = new ArrayList<>();

        @Override
        public void columns(List<ResultColumn> columns) {
        }

        @Override
        public void row(Object[] values) {
            firstColumn.add(values[0]);
        }
    }
}
