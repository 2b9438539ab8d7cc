package org.featureworkbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;

/**
 * The generated file of {@code bench ingest}: rows × 12 columns — string ids with 200k distinct
 * values, 3 ints, 3 doubles, 4 strings (one with quoted commas, one with quoted quotes), ISO event
 * times spread at random over 30 days. Deterministic (fixed seed), so the same rows can be
 * regenerated for the raw H2 baseline without keeping them in memory during the ingest.
 */
final class IngestBenchmarkFile {
    static final int DISTINCT_IDS = 200_000;
    static final String HEADER = "customer_id,event_time,age,orders,visits,score,balance,ratio,city,segment,email,note";
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String[] CITIES = {"Lyon", "Paris", "Seattle", "Berlin, DE", "São Paulo", "Tokyo"};

    /** One generated row, typed as the group stores it. */
    record Row(String id, long eventSecond, long age, long orders, long visits, double score, double balance,
               double ratio, String city, String segment, String email, String note) {
        String eventTime() {
            return ISO.format(Instant.ofEpochSecond(eventSecond));
        }
    }

    private IngestBenchmarkFile() {
    }

    /** The group the file fits: id String, event time String, then the columns in file order. */
    static FeatureGroupDefinition group(String name, boolean online, boolean offline) {
        List<FeatureDefinition> features = List.of(
                new FeatureDefinition("customer_id", FeatureType.STRING),
                new FeatureDefinition("event_time", FeatureType.STRING),
                new FeatureDefinition("age", FeatureType.INTEGRAL),
                new FeatureDefinition("orders", FeatureType.INTEGRAL),
                new FeatureDefinition("visits", FeatureType.INTEGRAL),
                new FeatureDefinition("score", FeatureType.FRACTIONAL),
                new FeatureDefinition("balance", FeatureType.FRACTIONAL),
                new FeatureDefinition("ratio", FeatureType.FRACTIONAL),
                new FeatureDefinition("city", FeatureType.STRING),
                new FeatureDefinition("segment", FeatureType.STRING),
                new FeatureDefinition("email", FeatureType.STRING),
                new FeatureDefinition("note", FeatureType.STRING));
        return new FeatureGroupDefinition(name, "customer_id", "event_time", features, "bench ingest", null,
                online ? OnlineStoreConfig.ENABLED : OnlineStoreConfig.DISABLED,
                offline ? OfflineStoreConfig.ENABLED : OfflineStoreConfig.DISABLED);
    }

    /** Generates the rows in file order. */
    static void rows(int count, Consumer<Row> sink) {
        SplittableRandom random = new SplittableRandom(42);
        long span = 30L * 24 * 3600;
        for (int i = 0; i < count; i++) {
            int id = random.nextInt(DISTINCT_IDS);
            sink.accept(new Row("cust-" + id, START.getEpochSecond() + random.nextLong(span), 18 + random.nextInt(80),
                    random.nextInt(500), random.nextInt(100_000), random.nextInt(1_000_000) / 1000.0,
                    random.nextInt(100_000_000) / 100.0, random.nextDouble(), CITIES[random.nextInt(CITIES.length)],
                    "seg-" + random.nextInt(12), "user" + id + "@example.com",
                    i % 10 == 0 ? "said \"hi\"" : "plain note"));
        }
    }

    static void write(Path file, int count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(200);
            IOException[] failure = new IOException[1];
            rows(count, r -> {
                line.setLength(0);
                line.append(r.id()).append(',').append(r.eventTime()).append(',').append(r.age()).append(',')
                        .append(r.orders()).append(',').append(r.visits()).append(',').append(r.score()).append(',')
                        .append(r.balance()).append(',').append(r.ratio()).append(',').append(quoted(r.city()))
                        .append(',').append(r.segment()).append(',').append(r.email()).append(',')
                        .append(quoted(r.note())).append('\n');
                try {
                    out.append(line);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }

    /** The newest row per id (equal times: the later row), as the online store should end up. */
    static Map<String, Row> newestPerId(int count) {
        Map<String, Row> newest = new HashMap<>(DISTINCT_IDS * 2);
        rows(count, r -> newest.merge(r.id(), r, (old, now) -> now.eventSecond() >= old.eventSecond() ? now : old));
        return newest;
    }

    private static String quoted(String value) {
        return value.indexOf(',') >= 0 || value.indexOf('"') >= 0 ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
