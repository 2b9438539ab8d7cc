package org.featureworkbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;

/**
 * The generated files of {@code bench query}: 11 columns — a String record id, an ISO event time,
 * 3 Integrals, 3 Fractionals and 3 Strings ({@code country}: 20 values, {@code product}: ~10k
 * skewed values for a top-k, {@code note}: free text). Written line by line to disk, never held in
 * the heap. Deterministic for a given seed.
 */
final class QueryBenchmarkData {
    static final String HEADER = "record_id,event_time,quantity,clicks,age,score,amount,ratio,country,product,note";
    /** The first event time of the big group; its rows spread over {@link #DAYS} days from here. */
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final int DAYS = 90;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String[] COUNTRIES = {"FR", "DE", "US", "BR", "JP", "IN", "GB", "ES", "IT", "NL",
        "SE", "PL", "CA", "MX", "AU", "KR", "ZA", "NG", "EG", "AR"};
    private static final String[] NOTES = {"first order", "returning", "promo, spring", "gift", ""};

    private QueryBenchmarkData() {
    }

    /** An offline-only group of this file's columns (no online store: the benchmark reads history). */
    static FeatureGroupDefinition group(String name) {
        List<FeatureDefinition> features = List.of(
                new FeatureDefinition("record_id", FeatureType.STRING),
                new FeatureDefinition("event_time", FeatureType.STRING),
                new FeatureDefinition("quantity", FeatureType.INTEGRAL),
                new FeatureDefinition("clicks", FeatureType.INTEGRAL),
                new FeatureDefinition("age", FeatureType.INTEGRAL),
                new FeatureDefinition("score", FeatureType.FRACTIONAL),
                new FeatureDefinition("amount", FeatureType.FRACTIONAL),
                new FeatureDefinition("ratio", FeatureType.FRACTIONAL),
                new FeatureDefinition("country", FeatureType.STRING),
                new FeatureDefinition("product", FeatureType.STRING),
                new FeatureDefinition("note", FeatureType.STRING));
        return new FeatureGroupDefinition(name, "record_id", "event_time", features, "bench query", null,
                OnlineStoreConfig.DISABLED, OfflineStoreConfig.ENABLED);
    }

    /**
     * Writes {@code rows} rows with ids drawn from {@code distinctIds} values and event times uniform
     * in {@code [start, start + spanSeconds)}.
     */
    static void write(Path file, long rows, int distinctIds, Instant start, long spanSeconds, long seed)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long first = start.getEpochSecond();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(160);
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                line.append("r-").append(random.nextInt(distinctIds)).append(',')
                        .append(ISO.format(Instant.ofEpochSecond(first + random.nextLong(spanSeconds)))).append(',')
                        .append(1 + random.nextInt(20)).append(',')
                        .append(random.nextInt(1_000)).append(',')
                        .append(18 + random.nextInt(80)).append(',')
                        .append(random.nextInt(1_000_000) / 1000.0).append(',')
                        .append(random.nextInt(10_000_000) / 100.0).append(',')
                        .append(random.nextDouble()).append(',')
                        .append(COUNTRIES[random.nextInt(COUNTRIES.length)]).append(',')
                        // A product of two uniforms: a skewed popularity, so a top-10 means something.
                        .append("p-").append(random.nextInt(100) * random.nextInt(100)).append(',');
                String note = NOTES[random.nextInt(NOTES.length)];
                line.append(note.indexOf(',') >= 0 ? '"' + note + '"' : note).append('\n');
                out.append(line);
            }
        }
    }
}
