package org.featureworkbench.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.query.GroupTables;

/**
 * The five typical queries of {@code bench query}, each written twice: as a user types it in the
 * Explore console (over the group's views, with the {@code event_instant()} macro) and as the same
 * question asked of raw DuckDB over a {@code read_parquet(…)} source (event times parsed by the
 * same expression, the same dedupe rule for the latest snapshot).
 */
final class QueryBenchmarkQueries {
    /** Where the raw SQL names its source. */
    static final String SOURCE = "{source}";

    /**
     * One query.
     *
     * @param name      short name for the report
     * @param engineSql the console's SQL over {@code "<group>"} / {@code "<group>_latest"}
     * @param rawSql    the same over {@link #SOURCE}
     */
    record BenchQuery(String name, String engineSql, String rawSql) {
        String raw(String source) {
            return rawSql.replace(SOURCE, source);
        }
    }

    private QueryBenchmarkQueries() {
    }

    /** The event time as an instant, as the engine's {@code event_instant()} computes it for a String. */
    static String eventInstant() {
        return GroupTables.eventInstant("event_time", FeatureType.STRING);
    }

    static List<BenchQuery> all(String group) {
        String view = quoted(group);
        String latest = quoted(group + GroupTables.LATEST_SUFFIX);
        String et = eventInstant();
        Instant from = QueryBenchmarkData.START.plus(Duration.ofDays(40));
        Instant to = from.plus(Duration.ofDays(7));
        String range = "'" + from + "'::TIMESTAMPTZ AND %s < '" + to + "'::TIMESTAMPTZ";
        return List.of(
                new BenchQuery("count by hour",
                        "SELECT date_trunc('hour', event_instant(event_time)) AS hour, count(*) AS n FROM " + view
                                + " GROUP BY 1 ORDER BY 1",
                        "SELECT date_trunc('hour', " + et + ") AS hour, count(*) AS n FROM " + SOURCE
                                + " GROUP BY 1 ORDER BY 1"),
                new BenchQuery("latest snapshot by country",
                        "SELECT country, count(*) AS records, avg(amount) AS avg_amount FROM " + latest
                                + " GROUP BY country ORDER BY country",
                        "SELECT country, count(*) AS records, avg(amount) AS avg_amount FROM (SELECT *, "
                                + "row_number() OVER (PARTITION BY record_id ORDER BY " + et
                                + " DESC, api_invocation_time DESC, write_time DESC) AS _n FROM " + SOURCE
                                + ") WHERE _n = 1 AND NOT is_deleted GROUP BY country ORDER BY country"),
                new BenchQuery("average per record id",
                        "SELECT record_id, avg(score) AS avg_score, count(*) AS n FROM " + view + " GROUP BY record_id",
                        "SELECT record_id, avg(score) AS avg_score, count(*) AS n FROM " + SOURCE
                                + " GROUP BY record_id"),
                new BenchQuery("event-time range (7 days)",
                        "SELECT count(*) AS n, avg(amount) AS avg_amount, max(score) AS max_score FROM " + view
                                + " WHERE event_instant(event_time) >= "
                                + String.format(range, "event_instant(event_time)"),
                        "SELECT count(*) AS n, avg(amount) AS avg_amount, max(score) AS max_score FROM " + SOURCE
                                + " WHERE " + et + " >= " + String.format(range, et)),
                new BenchQuery("top-10 products",
                        "SELECT product, count(*) AS n FROM " + view + " GROUP BY product ORDER BY n DESC, product LIMIT 10",
                        "SELECT product, count(*) AS n FROM " + SOURCE
                                + " GROUP BY product ORDER BY n DESC, product LIMIT 10"));
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
