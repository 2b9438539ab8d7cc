package org.featureworkbench.core;

import java.time.Instant;
import java.util.Optional;
import org.featureworkbench.model.OfflineStoreStats;

/**
 * Live counts of one group's data, for the Records page and {@code describe}.
 *
 * @param onlineRecords  readable online records (0 without an online store)
 * @param offline        published offline files and rows
 * @param pendingOffline rows durably queued for the offline store, not yet in Parquet
 * @param lastFlush      when this process last published journal rows to Parquet, if it has
 */
public record RecordStats(long onlineRecords, OfflineStoreStats offline, long pendingOffline,
                          Optional<Instant> lastFlush) {
}
