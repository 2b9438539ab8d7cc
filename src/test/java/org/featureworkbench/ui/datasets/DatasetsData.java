package org.featureworkbench.ui.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestListener;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;

/**
 * A small workspace whose point-in-time answers are known by hand:
 * <ul>
 *   <li>{@code customers} (customer_id, event_time String, age, city): c1 is 30 in Berlin from
 *   Nov 1 and 31 in Oslo from Nov 5; c2 is 40 in Lisbon from Nov 2.</li>
 *   <li>{@code transactions} (transaction_id, customer_id, event_time Fractional, amount, is_fraud):
 *   t1 c1 Nov 3 (sees age 30), t2 c1 Nov 6 (sees 31), t3 c2 Nov 1 (before c2 exists: null),
 *   t4 c3 Nov 4 (no such customer: null).</li>
 *   <li>{@code labels.csv}: customer_id, event_time, label for c1 on Nov 4 and c2 on Nov 3.</li>
 * </ul>
 */
final class DatasetsData {
    private DatasetsData() {
    }

    /** Fills the store; returns the labels file (written into {@code dir}). */
    static Path fill(FeatureStore store, Path dir) {
        store.createFeatureGroup(new FeatureGroupDefinition("customers", "customer_id", "event_time", List.of(
                feature("customer_id", FeatureType.STRING), feature("event_time", FeatureType.STRING),
                feature("age", FeatureType.INTEGRAL), feature("city", FeatureType.STRING)),
                "Customer profile", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED));
        store.createFeatureGroup(new FeatureGroupDefinition("transactions", "transaction_id", "event_time", List.of(
                feature("transaction_id", FeatureType.STRING), feature("customer_id", FeatureType.STRING),
                feature("event_time", FeatureType.FRACTIONAL), feature("amount", FeatureType.FRACTIONAL),
                feature("is_fraud", FeatureType.INTEGRAL)),
                "Card transactions", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED));
        ingest(store, dir, "customers", List.of("customer_id,event_time,age,city",
                "c1,2026-11-01T00:00:00Z,30,Berlin", "c1,2026-11-05T00:00:00Z,31,Oslo", "c2,2026-11-02T00:00:00Z,40,Lisbon"));
        ingest(store, dir, "transactions", List.of("transaction_id,customer_id,event_time,amount,is_fraud",
                "t1,c1," + epoch("2026-11-03") + ",10.5,0", "t2,c1," + epoch("2026-11-06") + ",20.0,1",
                "t3,c2," + epoch("2026-11-01") + ",30.0,0", "t4,c3," + epoch("2026-11-04") + ",40.0,0"));
        return write(dir.resolve("labels.csv"), List.of("customer_id,event_time,label",
                "c1,2026-11-04T00:00:00Z,1", "c2,2026-11-03T00:00:00Z,0"));
    }

    private static FeatureDefinition feature(String name, FeatureType type) {
        return new FeatureDefinition(name, type);
    }

    private static String epoch(String day) {
        return Long.toString(java.time.LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond());
    }

    private static void ingest(FeatureStore store, Path dir, String group, List<String> lines) {
        store.ingest().ingest(IngestRequest.of(group, write(dir.resolve(group + ".csv"), lines)), IngestListener.NONE);
    }

    private static Path write(Path file, List<String> lines) {
        try {
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
