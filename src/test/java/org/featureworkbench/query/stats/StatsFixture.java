package org.featureworkbench.query.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestListener;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.workspace.Workspace;

/**
 * A workspace with group {@code metrics} (id String, ts String, value Fractional, count Integral,
 * segment String, bonus Fractional with nulls) filled by ingesting CSV files, and a plain DuckDB
 * connection over the group's Parquet files for independent answers.
 */
final class StatsFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    final FeatureStore store;
    final Path dir;
    private int files;

    StatsFixture(Path dir) {
        this.dir = dir;
        store = Workspace.open(dir.resolve("ws"));
        store.createFeatureGroup(new FeatureGroupDefinition("metrics", "id", "ts", List.of(
                new FeatureDefinition("id", FeatureType.STRING), new FeatureDefinition("ts", FeatureType.STRING),
                new FeatureDefinition("value", FeatureType.FRACTIONAL), new FeatureDefinition("count", FeatureType.INTEGRAL),
                new FeatureDefinition("segment", FeatureType.STRING), new FeatureDefinition("bonus", FeatureType.FRACTIONAL)),
                "", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED));
    }

    /**
     * 100 ids × 10 versions over 20 days: value ~ N(50, 5) and segment mostly "a" in the first ten
     * days, value ~ N(80, 5) and segments a/b/c after; every fifth bonus is null.
     */
    StatsFixture standardRows() {
        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        for (int id = 0; id < 100; id++) {
            for (int v = 0; v < 10; v++) {
                Instant t = START.plus(Duration.ofDays(2L * v)).plus(Duration.ofHours(id % 24));
                boolean late = v >= 5;
                double value = (late ? 80 : 50) + random.nextGaussian() * 5;
                double p = random.nextDouble();
                String segment = late ? (p < 0.3 ? "a" : p < 0.7 ? "b" : "c") : (p < 0.7 ? "a" : "b");
                String bonus = (id * 10 + v) % 5 == 0 ? "" : String.format(Locale.ROOT, "%.3f", random.nextDouble());
                lines.add("c" + id + "," + t + "," + String.format(Locale.ROOT, "%.4f", value) + ","
                        + random.nextInt(21) + "," + segment + "," + bonus);
            }
        }
        return ingest(lines);
    }

    /** One record with {@code versions} values a minute apart (value = minute index, with spikes). */
    StatsFixture longRecord(String id, int versions) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < versions; i++) {
            double value = i == 1234 ? 100_000 : i % 100;
            lines.add(id + "," + START.plus(Duration.ofMinutes(i)) + "," + value + ",1,a,0.5");
        }
        return ingest(lines);
    }

    StatsFixture ingest(List<String> lines) {
        try {
            Path csv = dir.resolve("rows-" + (++files) + ".csv");
            List<String> all = new ArrayList<>();
            all.add("id,ts,value,count,segment,bonus");
            all.addAll(lines);
            Files.write(csv, all);
            var summary = store.ingest().ingest(IngestRequest.of("metrics", csv), IngestListener.NONE);
            if (summary.rejected() != 0 || summary.writtenOffline() != lines.size()) {
                throw new IllegalStateException("the fixture's ingest did not store every row: " + summary);
            }
            return this;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code read_parquet(...)} over every Parquet file of the group, as any DuckDB user would read them. */
    String parquet() {
        var group = store.describeFeatureGroup("metrics");
        Path data = store.offlineStoreDirectory().resolve(group.offlineFolderName()).resolve("data");
        return "read_parquet('" + data.toString().replace('\\', '/') + "/**/*.parquet', hive_partitioning = false, "
                + "union_by_name = true)";
    }

    /** The first row of a query run on a plain, separate DuckDB connection. */
    Object[] plain(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            Object[] row = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<Object[]> plainRows(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
