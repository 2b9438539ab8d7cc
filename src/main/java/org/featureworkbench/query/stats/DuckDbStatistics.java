package org.featureworkbench.query.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.query.DuckDbQueryEngine;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryException;
import org.featureworkbench.query.QueryOptions;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.Sql;

/**
 * Statistics, feature series and drift of feature groups, computed by DuckDB over the query
 * engine's native copy of the offline files (issue 10). Statistics take two scans (a summary
 * aggregate, then histograms, top values and rows over time in one statement) and are cached per
 * version of the group's offline data, so opening the Statistics tab again costs one tiny query.
 *
 * <p>Thread-safe; synchronous (call it off the JavaFX thread). Every call takes a
 * {@link QueryCancellation}; errors are {@link org.featureworkbench.model.FeatureStoreException}s
 * with messages fit for a user.
 */
public final class DuckDbStatistics {
    /** At most this many points of a feature series reach Java. */
    public static final int MAX_SERIES_POINTS = 2_000;
    /** Up to this many stored rows, distinct counts and quartiles are exact; above, DuckDB's sketches. */
    public static final long EXACT_ROWS = 2_000_000;

    private final DuckDbQueryEngine engine;
    private final StatisticsCache cache = new StatisticsCache(32);

    public DuckDbStatistics(DuckDbQueryEngine engine) {
        this.engine = engine;
    }

    /**
     * Statistics of every feature of {@code group} (a group with an offline store).
     *
     * @param latestOnly true for the latest snapshot, false for every stored row but delete markers
     */
    public GroupStatistics statistics(FeatureGroup group, boolean latestOnly, QueryCancellation cancellation) {
        GroupSource source = new GroupSource(engine.tables(group));
        StatisticsCache.Key key = version(source, latestOnly, cancellation);
        GroupStatistics cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        GroupStatistics computed = compute(source, latestOnly, key.rows() <= EXACT_ROWS, cancellation);
        cache.put(key, computed);
        return computed;
    }

    /** How many statistics are cached (for tests of the invalidation). */
    int cachedEntries() {
        return cache.size();
    }

    /** The data's version: rows and newest write only grow, and compaction changes neither (nor the numbers). */
    private StatisticsCache.Key version(GroupSource source, boolean latestOnly, QueryCancellation cancellation) {
        Object[] row = single(source.group(), "SELECT count(*), max(write_time) FROM " + source.mirror(), cancellation);
        List<String> features = source.features().stream().map(f -> f.name() + ":" + f.type()).toList();
        return new StatisticsCache.Key(source.group().offlineFolderName(), latestOnly, features,
                Doubles.count(row[0]), (Instant) row[1]);
    }

    private GroupStatistics compute(GroupSource source, boolean latestOnly, boolean exact, QueryCancellation cancellation) {
        if (!latestOnly) {
            return compute(source, false, exact, source.history(), sql -> all(source.group(), sql, cancellation));
        }
        // The snapshot is computed once and both statements read it (it was computed in each before).
        try (QueryResult snapshot = engine.runTrusted(source.latest(), List.of(source.group()), QueryOptions.DEFAULT,
                cancellation)) {
            return compute(source, true, exact, "SELECT * FROM " + QueryResult.SELF,
                    sql -> snapshot.select(sql, cancellation));
        }
    }

    private GroupStatistics compute(GroupSource source, boolean latestOnly, boolean exact, String rows,
                                    java.util.function.Function<String, List<Object[]>> run) {
        FeatureGroup group = source.group();
        List<FeatureDefinition> features = source.features();
        Object[] s = run.apply(SummaryQuery.summary(rows, features, exact)).get(0);
        long total = Doubles.count(s[0]);
        Optional<Instant> first = Optional.ofNullable((Instant) s[1]);
        Optional<Instant> last = Optional.ofNullable((Instant) s[2]);

        Map<String, BinRule> bins = new LinkedHashMap<>();
        List<String> strings = new ArrayList<>();
        // Top values of event times or (in a snapshot, one row each) of record ids say nothing.
        String eventTime = group.definition().eventTimeFeatureName();
        String recordId = group.definition().recordIdentifierFeatureName();
        Map<String, Object[]> perFeature = new LinkedHashMap<>();
        int column = 3;
        for (FeatureDefinition f : features) {
            int width = f.type() == FeatureType.STRING ? 2 : SummaryQuery.NUMERIC_COLUMNS;
            Object[] cells = new Object[width];
            System.arraycopy(s, column, cells, 0, width);
            column += width;
            perFeature.put(f.name(), cells);
            long count = Doubles.count(cells[0]);
            if (count == 0) {
                continue;
            }
            if (f.type() == FeatureType.STRING) {
                if (!f.name().equals(eventTime) && !(latestOnly && f.name().equals(recordId))) {
                    strings.add(f.name());
                }
            } else {
                bins.put(f.name(), BinRule.of(f.type() == FeatureType.INTEGRAL, count, Doubles.of(cells[2]),
                        Doubles.of(cells[3]), Doubles.of(cells[8]) - Doubles.of(cells[6])));
            }
        }
        TimeBuckets time = TimeBuckets.covering(first.orElse(Instant.EPOCH), last.orElse(Instant.EPOCH));
        Map<String, Map<String, Map<String, Long>>> dist = total == 0 ? Map.of() : SummaryQuery.group(run.apply(
                SummaryQuery.distributions(rows, bins, strings, time)));

        List<FeatureStatistics> out = new ArrayList<>();
        for (FeatureDefinition f : features) {
            Object[] c = perFeature.get(f.name());
            long count = Doubles.count(c[0]);
            NumericSummary numeric = null;
            Histogram histogram = null;
            List<ValueCount> top = List.of();
            if (f.type() != FeatureType.STRING && count > 0) {
                numeric = new NumericSummary(Doubles.of(c[2]), Doubles.of(c[3]), Doubles.of(c[4]), Doubles.orNull(c[5]),
                        Doubles.of(c[6]), Doubles.of(c[7]), Doubles.of(c[8]));
                histogram = histogram(bins.get(f.name()), dist.getOrDefault("h", Map.of()).getOrDefault(f.name(), Map.of()));
            } else if (count > 0) {
                top = dist.getOrDefault("v", Map.of()).getOrDefault(f.name(), Map.of()).entrySet().stream()
                        .map(e -> new ValueCount(e.getKey(), e.getValue()))
                        .sorted(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value))
                        .toList();
            }
            out.add(new FeatureStatistics(f.name(), f.type(), count, total - count, Doubles.count(c[1]), numeric,
                    histogram, top));
        }
        TimeSeries overTime = time.series(dist.getOrDefault("t", Map.of()).getOrDefault("", Map.of()));
        return new GroupStatistics(group.name(), latestOnly, total, first, last, out, overTime, exact, Instant.now());
    }

    private static Histogram histogram(BinRule rule, Map<String, Long> counts) {
        List<Histogram.Bin> bins = new ArrayList<>(rule.count());
        for (int i = 0; i < rule.count(); i++) {
            bins.add(new Histogram.Bin(rule.from(i), rule.to(i), counts.getOrDefault(Integer.toString(i), 0L)));
        }
        return new Histogram(rule.rule(), rule.width(), bins);
    }

    /**
     * One record's values of a numeric feature over event time, at most {@link #MAX_SERIES_POINTS}
     * points (reduced in DuckDB to the minimum and maximum of equal time buckets when longer).
     */
    public FeatureSeries featureSeries(FeatureGroup group, String recordId, String feature,
                                       QueryCancellation cancellation) {
        GroupSource source = new GroupSource(engine.tables(group));
        FeatureDefinition f = source.feature(feature);
        if (f.type() == FeatureType.STRING) {
            throw new QueryException("feature '" + feature + "' is a String; a series needs an Integral or "
                    + "Fractional feature");
        }
        int buckets = MAX_SERIES_POINTS / 2;
        String c = Sql.identifier(f.name());
        String sql = "WITH s AS MATERIALIZED (SELECT _et AS t, CAST(" + c + " AS DOUBLE) AS v FROM ("
                + source.recordHistory(recordId) + ") WHERE " + c + " IS NOT NULL),\n"
                + "r AS (SELECT count(*) AS n, min(epoch_us(t)) AS lo, max(epoch_us(t)) AS hi FROM s),\n"
                + "k AS (SELECT s.t, s.v, r.n, CASE WHEN r.n <= " + MAX_SERIES_POINTS
                + " THEN row_number() OVER (ORDER BY s.t) ELSE CAST(floor((epoch_us(s.t) - r.lo) / ((r.hi - r.lo + 1) / "
                + buckets + ".0)) AS BIGINT) END AS b FROM s, r)\n"
                + "SELECT b, any_value(n), arg_min(t, v), min(v), arg_max(t, v), max(v) FROM k GROUP BY b ORDER BY b";
        List<Object[]> rows = all(group, sql, cancellation);
        long versions = rows.isEmpty() ? 0 : Doubles.count(rows.get(0)[1]);
        List<FeatureSeries.Point> points = new ArrayList<>();
        for (Object[] row : rows) {
            FeatureSeries.Point low = new FeatureSeries.Point((Instant) row[2], Doubles.of(row[3]));
            FeatureSeries.Point high = new FeatureSeries.Point((Instant) row[4], Doubles.of(row[5]));
            if (!low.eventTime().isAfter(high.eventTime())) {
                points.add(low);
                if (!high.equals(low)) {
                    points.add(high);
                }
            } else {
                points.add(high);
                points.add(low);
            }
        }
        return new FeatureSeries(group.name(), recordId, feature, versions, points.size() < versions, points);
    }

    /**
     * The drift of each feature (except the record identifier and event time) from the reference
     * window to the current one, over history rows (delete markers left out).
     *
     * @throws QueryException when a window has no rows
     */
    public DriftReport drift(FeatureGroup group, EventWindow reference, EventWindow current,
                             QueryCancellation cancellation) {
        return new DriftComputation(this, new GroupSource(engine.tables(group)), reference, current).run(cancellation);
    }

    Object[] single(FeatureGroup group, String sql, QueryCancellation cancellation) {
        return all(group, sql, cancellation).get(0);
    }

    List<Object[]> all(FeatureGroup group, String sql, QueryCancellation cancellation) {
        try (QueryResult result = engine.runTrusted(sql, List.of(group), QueryOptions.DEFAULT, cancellation)) {
            return result.page(0, (int) Math.max(1, Math.min(Integer.MAX_VALUE, result.rowCount())));
        }
    }
}
