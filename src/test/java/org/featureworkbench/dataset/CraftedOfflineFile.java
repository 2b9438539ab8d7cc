package org.featureworkbench.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.featureworkbench.core.FeatureStore;

/**
 * Publishes a Parquet file with chosen api_invocation_time and write_time into a group's offline
 * folder, as another writer of the same layout would: the only way to get rows whose event time and
 * api_invocation_time tie but whose write_time differs (PutRecord stamps both itself).
 */
final class CraftedOfflineFile {
    private CraftedOfflineFile() {
    }

    /**
     * @param hourFolder e.g. {@code year=2026/month=01/day=01/hour=00}
     * @param fileStamp  e.g. {@code 20260101T000010Z}, the latest event in the file
     * @param select     a SELECT giving the group's features, then api_invocation_time, write_time, is_deleted
     */
    static void publish(FeatureStore store, String group, String hourFolder, String fileStamp, String select) {
        Path groupFolder = store.offlineStoreDirectory().resolve(store.describeFeatureGroup(group).offlineFolderName());
        Path folder = groupFolder.resolve("data").resolve(hourFolder);
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        Path temp = folder.resolve(".crafted-" + random + ".tmp");
        try {
            Files.createDirectories(folder);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("COPY (" + select + ") TO '" + temp.toString().replace("'", "''") + "' (FORMAT PARQUET)");
            }
            Files.move(temp, folder.resolve(fileStamp + "_" + random + ".parquet"), StandardCopyOption.ATOMIC_MOVE);
            // Tell readers that cached the listing, as every writer does.
            Files.writeString(groupFolder.resolve(".changes"), UUID.randomUUID().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
