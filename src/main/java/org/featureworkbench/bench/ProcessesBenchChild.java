package org.featureworkbench.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.workspace.Workspace;

/**
 * A child JVM of {@link ProcessesBenchmark}. {@code put DIR PREFIX N}: N durable PutRecords on
 * one thread, then prints {@code RESULT <first put epoch ms> <last put end epoch ms> <longest put ms>}.
 * {@code hold DIR}: opens the workspace (so it serves the database to later processes), prints
 * READY and exits cleanly once its stdin closes.
 */
public final class ProcessesBenchChild {
    static final String GROUP = "bench_processes";

    private ProcessesBenchChild() {
    }

    public static void main(String[] args) throws Exception {
        try (FeatureStore store = Workspace.open(Path.of(args[1]))) {
            if (args[0].equals("hold")) {
                System.out.println("READY");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // serve until the benchmark closes our stdin
                }
                return;
            }
            put(store, args[2], Integer.parseInt(args[3]));
        }
        System.exit(0);
    }

    private static void put(FeatureStore store, String prefix, int n) {
        Set<TargetStore> both = Set.of(TargetStore.ONLINE_STORE, TargetStore.OFFLINE_STORE);
        Instant base = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(n + 60L);
        long longest = 0;
        long first = System.currentTimeMillis();
        System.out.println("STARTED");
        System.out.flush();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            store.records().putRecord(GROUP, Record.builder().put("id", prefix + i)
                    .put("event_time", base.plusSeconds(i).toString()).put("amount", Integer.toString(i))
                    .put("label", "p" + (i % 7)).build(), both, null);
            longest = Math.max(longest, System.nanoTime() - t0);
        }
        System.out.println("RESULT " + first + " " + System.currentTimeMillis() + " " + longest / 1_000_000);
    }

    /** id (String), event_time (String), amount (Integral), label (String); both stores. */
    static FeatureGroupDefinition definition() {
        return new FeatureGroupDefinition(GROUP, "id", "event_time",
                List.of(new FeatureDefinition("id", FeatureType.STRING),
                        new FeatureDefinition("event_time", FeatureType.STRING),
                        new FeatureDefinition("amount", FeatureType.INTEGRAL),
                        new FeatureDefinition("label", FeatureType.STRING)),
                "", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED);
    }
}
