package org.featureworkbench.ui.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Group {@code metrics} (id, ts String, value Fractional, count Integral, segment String) with
 * 60 ids × 10 versions over 20 days; value jumps from about 50 to about 80 on 2026-11-11.
 */
final class StatsData {
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private StatsData() {
    }

    static void fill(FeatureStore store, Path dir) {
        store.createFeatureGroup(new FeatureGroupDefinition("metrics", "id", "ts", List.of(
                new FeatureDefinition("id", FeatureType.STRING), new FeatureDefinition("ts", FeatureType.STRING),
                new FeatureDefinition("value", FeatureType.FRACTIONAL), new FeatureDefinition("count", FeatureType.INTEGRAL),
                new FeatureDefinition("segment", FeatureType.STRING)),
                "Synthetic metrics for the Statistics tab", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED));
        Random random = new Random(7);
        List<String> lines = new ArrayList<>(List.of("id,ts,value,count,segment"));
        for (int id = 0; id < 60; id++) {
            for (int v = 0; v < 10; v++) {
                Instant t = START.plus(Duration.ofDays(2L * v)).plus(Duration.ofHours(id % 24));
                boolean late = v >= 5;
                double p = random.nextDouble();
                lines.add("m" + id + "," + t + "," + String.format(Locale.ROOT, "%.3f", (late ? 80 : 50) + random.nextGaussian() * 5)
                        + "," + random.nextInt(15) + "," + (late ? (p < 0.4 ? "north" : p < 0.7 ? "south" : "east")
                        : (p < 0.7 ? "north" : "south")));
            }
        }
        try {
            Path csv = dir.resolve("metrics.csv");
            Files.write(csv, lines);
            store.ingest().ingest(IngestRequest.of("metrics", csv), IngestListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
