package org.featureworkbench.offline;

import java.nio.file.Path;
import java.util.List;

/**
 * A consistent view of one group's published files, held open while a reader reads them.
 * See {@link OfflineStore#openReadLease}. Not thread-safe: use and close it on one thread.
 */
public interface OfflineReadLease extends AutoCloseable {

    /** The glob that matches exactly the published files (see {@link OfflineStore#readGlob}). */
    String glob();

    /** The published files at the moment the lease was taken, sorted by path. */
    List<Path> files();

    /** Releases the lease; compaction may then swap files again. Idempotent. */
    @Override
    void close();
}
