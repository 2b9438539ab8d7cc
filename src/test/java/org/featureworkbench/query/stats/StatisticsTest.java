package org.featureworkbench.query.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.query.QueryCancellation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics against the same numbers computed by a plain DuckDB connection over the Parquet files. */
class StatisticsTest {
    @TempDir
    Path dir;
    StatsFixture f;

    @BeforeEach
    void open() {
        f = new StatsFixture(dir).standardRows();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private GroupStatistics stats(boolean latest) {
        return f.store.query().statistics("metrics", latest, new QueryCancellation());
    }

    @Test
    void historyStatisticsEqualPlainDuckDbAggregates() {
        GroupStatistics s = stats(false);
        Object[] plain = f.plain("SELECT count(*), count(bonus), avg(value), min(value), max(value), stddev_samp(value), "
                + "min(count), max(count), avg(count), count(DISTINCT segment), count(DISTINCT id), "
                + "quantile_cont(value, 0.5), quantile_cont(value, 0.25), quantile_cont(value, 0.75) FROM " + f.parquet());
        assertEquals(1000L, plain[0]);
        assertEquals(1000, s.rows());
        FeatureStatistics value = s.feature("value").orElseThrow();
        assertEquals(1000, value.count());
        assertEquals(0, value.nulls());
        assertEquals((double) plain[2], value.numeric().mean(), 1e-9);
        assertEquals((double) plain[3], value.numeric().min(), 0);
        assertEquals((double) plain[4], value.numeric().max(), 0);
        assertEquals((double) plain[5], value.numeric().std(), 1e-9);
        assertEquals((double) plain[11], value.numeric().p50(), 1e-9);
        assertEquals((double) plain[12], value.numeric().p25(), 1e-9);
        assertEquals((double) plain[13], value.numeric().p75(), 1e-9);

        FeatureStatistics bonus = s.feature("bonus").orElseThrow();
        assertEquals((long) plain[1], bonus.count());
        assertEquals(1000 - (long) plain[1], bonus.nulls());
        assertEquals(200, bonus.nulls(), "every fifth bonus is empty");

        FeatureStatistics count = s.feature("count").orElseThrow();
        assertEquals(((Number) plain[6]).doubleValue(), count.numeric().min(), 0);
        assertEquals(((Number) plain[7]).doubleValue(), count.numeric().max(), 0);
        assertEquals((double) plain[8], count.numeric().mean(), 1e-9);

        FeatureStatistics id = s.feature("id").orElseThrow();
        assertTrue(s.exact(), "a small group gets exact distinct counts and quartiles");
        assertEquals(((Number) plain[10]).longValue(), id.distinct());
        assertEquals(((Number) plain[9]).longValue(), s.feature("segment").orElseThrow().distinct());
        assertNull(s.feature("segment").orElseThrow().numeric());
    }

    @Test
    void topValuesAreTheMostFrequentWithExactCounts() {
        List<Object[]> plain = f.plainRows("SELECT segment, count(*) AS n FROM " + f.parquet()
                + " GROUP BY segment ORDER BY n DESC, segment");
        List<ValueCount> top = stats(false).feature("segment").orElseThrow().topValues();
        assertEquals(plain.size(), top.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i)[0], top.get(i).value());
            assertEquals(((Number) plain.get(i)[1]).longValue(), top.get(i).count());
        }
    }

    @Test
    void histogramsCountEveryNonNullValueInFreedmanDiaconisBins() {
        GroupStatistics s = stats(false);
        for (String name : List.of("value", "count", "bonus")) {
            FeatureStatistics feature = s.feature(name).orElseThrow();
            Histogram h = feature.histogram();
            assertEquals(feature.count(), h.total(), name);
            assertTrue(h.bins().size() > 1 && h.bins().size() <= BinRule.MAX_BINS, name + ": " + h.bins().size());
            assertEquals(feature.numeric().min(), h.bins().get(0).from(), 1e-9, name);
            assertTrue(h.bins().get(h.bins().size() - 1).to() >= feature.numeric().max(), name);
        }
        Histogram value = s.feature("value").orElseThrow().histogram();
        assertEquals("Freedman–Diaconis", value.rule());
        NumericSummary n = s.feature("value").orElseThrow().numeric();
        assertEquals(2 * n.iqr() * Math.pow(1000, -1.0 / 3), value.binWidth(), 1e-9);
        // The bins agree with a plain count of the values inside the first bin's range.
        Histogram.Bin first = value.bins().get(0);
        Object[] plain = f.plain("SELECT count(*) FROM " + f.parquet() + " WHERE value >= " + first.from()
                + " AND value < " + first.to());
        assertEquals(((Number) plain[0]).longValue(), first.count());
        assertEquals(1.0, s.feature("count").orElseThrow().histogram().binWidth() % 1.0 == 0 ? 1.0 : 0.0,
                "Integral bins have whole-number widths");
    }

    @Test
    void recordsOverTimeCountEveryRowInHourBuckets() {
        GroupStatistics s = stats(false);
        TimeSeries t = s.overTime();
        assertEquals("hour", t.bucket());
        assertEquals(1000, t.total());
        assertEquals(StatsFixture.START, t.points().get(0).start());
        Object[] plain = f.plain("SELECT count(*) FROM " + f.parquet() + " WHERE ts = '2026-11-01T00:00:00Z'");
        assertEquals(((Number) plain[0]).longValue(), t.points().get(0).count());
        Duration span = Duration.between(t.points().get(0).start(), t.points().get(t.points().size() - 1).start());
        assertEquals(span.toHours() + 1, t.points().size(), "empty hours are zeros, not gaps");
    }

    @Test
    void latestSnapshotEqualsPlainDuckDbLatestRows() {
        GroupStatistics s = stats(true);
        Object[] plain = f.plain("SELECT count(*), avg(value), sum(CASE WHEN segment = 'c' THEN 1 ELSE 0 END) FROM (SELECT *, "
                + "row_number() OVER (PARTITION BY id ORDER BY ts DESC, api_invocation_time DESC, write_time DESC) AS n FROM "
                + f.parquet() + ") WHERE n = 1 AND NOT is_deleted");
        assertTrue(s.latestOnly());
        assertEquals(100, s.rows());
        assertEquals(((Number) plain[0]).longValue(), s.rows());
        assertEquals((double) plain[1], s.feature("value").orElseThrow().numeric().mean(), 1e-9);
        long c = s.feature("segment").orElseThrow().topValues().stream().filter(v -> v.value().equals("c"))
                .mapToLong(ValueCount::count).sum();
        assertEquals(((Number) plain[2]).longValue(), c);
        assertEquals(100, s.overTime().total());
    }

    @Test
    void cachedUntilNewRowsArrive() {
        GroupStatistics first = stats(false);
        assertSame(first, stats(false), "the same data version is served from the cache");
        f.ingest(List.of("c999,2026-11-30T00:00:00Z,1.0,1,z,0.1"));
        GroupStatistics second = stats(false);
        assertNotSame(first, second);
        assertEquals(1001, second.rows());
        assertEquals(1, second.feature("segment").orElseThrow().topValues().stream().filter(v -> v.value().equals("z"))
                .mapToLong(ValueCount::count).sum());
        f.store.records().compact("metrics");
        assertSame(second, stats(false), "compaction moves rows between files without changing them");
    }

    @Test
    void aStringFeatureHasNoSeriesAndAnUnknownFeatureIsNamed() {
        assertThrows(FeatureStoreException.class,
                () -> f.store.query().featureSeries("metrics", "c1", "segment", new QueryCancellation()));
        FeatureStoreException e = assertThrows(FeatureStoreException.class,
                () -> f.store.query().featureSeries("metrics", "c1", "nope", new QueryCancellation()));
        assertTrue(e.getMessage().contains("no feature 'nope'"), e.getMessage());
    }

    @Test
    void aShortFeatureSeriesIsEveryVersionInEventTimeOrder() {
        FeatureSeries series = f.store.query().featureSeries("metrics", "c3", "value", new QueryCancellation());
        List<Object[]> plain = f.plainRows("SELECT value FROM " + f.parquet() + " WHERE id = 'c3' ORDER BY ts");
        assertEquals(10, series.versions());
        assertEquals(plain.size(), series.points().size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals((double) plain.get(i)[0], series.points().get(i).value(), 0);
        }
        assertEquals(Instant.parse("2026-11-01T03:00:00Z"), series.points().get(0).eventTime());
    }

    @Test
    void aLongFeatureSeriesIsReducedInDuckDbKeepingSpikes() {
        f.longRecord("long", 5_000);
        FeatureSeries series = f.store.query().featureSeries("metrics", "long", "value", new QueryCancellation());
        assertEquals(5_000, series.versions());
        assertTrue(series.reduced());
        assertTrue(series.points().size() <= DuckDbStatistics.MAX_SERIES_POINTS, "" + series.points().size());
        assertTrue(series.points().size() > 1_000, "" + series.points().size());
        assertEquals(100_000, series.points().stream().mapToDouble(FeatureSeries.Point::value).max().orElseThrow(), 0,
                "the spike survives the reduction");
        for (int i = 1; i < series.points().size(); i++) {
            assertTrue(!series.points().get(i).eventTime().isBefore(series.points().get(i - 1).eventTime()));
        }
    }
}
