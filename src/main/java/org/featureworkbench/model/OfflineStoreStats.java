package org.featureworkbench.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a group's offline store holds, as a reader of the folder would count it.
 *
 * @param files         published Parquet files (temporary files are not counted)
 * @param partitions    hour partitions holding at least one file
 * @param rows          rows, summed from the Parquet footers
 * @param bytes         total size of the files
 * @param lastWriteTime the newest {@code write_time} of any row (from the footers' column statistics,
 *                      so compaction does not move it); empty when there are no rows
 */
public record OfflineStoreStats(long files, long partitions, long rows, long bytes, Optional<Instant> lastWriteTime) {
    public static final OfflineStoreStats EMPTY = new OfflineStoreStats(0, 0, 0, 0, Optional.empty());

    public OfflineStoreStats {
        Objects.requireNonNull(lastWriteTime, "lastWriteTime");
    }
}
