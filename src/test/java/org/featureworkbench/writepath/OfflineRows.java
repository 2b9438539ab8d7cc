package org.featureworkbench.writepath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.offline.DuckDbOfflineReader;
import org.featureworkbench.offline.ParquetOfflineStore;

/**
 * Reads a workspace's offline files as any outside tool would: DuckDB over the published glob
 * with hive partitioning and union by name.
 */
final class OfflineRows {
    private final FeatureStore store;
    private final DuckDbOfflineReader reader;

    OfflineRows(FeatureStore store) {
        this.store = store;
        this.reader = new DuckDbOfflineReader(new ParquetOfflineStore(store.offlineStoreDirectory()));
    }

    /** Every row of the group, oldest first by (event time, api_invocation_time). */
    List<Map<String, Object>> all(String groupName, String eventTimeColumn) {
        return reader.query(group(groupName), "SELECT * FROM " + DuckDbOfflineReader.VIEW
                + " ORDER BY \"" + eventTimeColumn + "\", api_invocation_time");
    }

    List<Map<String, Object>> query(String groupName, String sql) {
        return reader.query(group(groupName), sql);
    }

    /** Column name → DuckDB type. */
    Map<String, String> types(String groupName) {
        return reader.describe(group(groupName));
    }

    /** Every file below the group's folder (published or not), relative to its {@code data} folder. */
    List<Path> files(String groupName) throws IOException {
        Path data = store.offlineStoreDirectory().resolve(group(groupName).offlineFolderName()).resolve("data");
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(Files::isRegularFile).map(data::relativize).sorted().toList();
        }
    }

    private FeatureGroup group(String name) {
        return store.describeFeatureGroup(name);
    }
}
