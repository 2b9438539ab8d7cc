package org.featureworkbench.offline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What one {@link OfflineStore#append} published.
 *
 * @param files     the published files, one per hour partition touched (unmodifiable)
 * @param rows      rows written
 * @param writeTime the {@code write_time} stamped on every row of this append
 */
public record AppendResult(List<Path> files, long rows, Instant writeTime) {
    public AppendResult {
        files = List.copyOf(files);
    }
}
