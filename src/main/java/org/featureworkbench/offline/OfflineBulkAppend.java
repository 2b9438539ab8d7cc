package org.featureworkbench.offline;

/**
 * A streaming append of many rows of one group, for batch ingest: rows go into one open Parquet
 * file per event-time hour, kept open across calls, and become visible only at {@link #publish},
 * which fsyncs and atomically renames every file written since the previous publish. Memory stays
 * bounded: when the open files buffer too much, the largest are finished early (still unpublished)
 * and later rows of their hours start a new file.
 *
 * <p>The same guarantees as {@link OfflineStore#append}: readers never see a partial file; a value
 * of the wrong type or a write error publishes nothing of the current period; {@link #close}
 * without a publish (cancel, failure) deletes everything unpublished. Use from one thread
 * (the work is handed to background writer threads internally).
 */
public interface OfflineBulkAppend extends AutoCloseable {

    /**
     * Adds a row. The array is kept (not copied) until the row is written, so the caller must not
     * change it afterwards.
     *
     * @param values      typed values in the group's feature order ({@link Long}, {@link Double},
     *                    {@link String} or null), the event time feature's among them
     * @param eventTimeMs the parsed event time in epoch milliseconds; it chooses the hour partition
     * @throws org.featureworkbench.model.FeatureStoreException when a background write failed (nothing
     *         of the current period is published)
     */
    void add(Object[] values, long eventTimeMs);

    /** Rows added since the last {@link #publish}. */
    long pendingRows();

    /**
     * Finishes, syncs and publishes every file holding rows added since the previous publish; later
     * rows go into new files. Returns the published files and their rows (none when nothing was
     * pending); {@code writeTime} is not before any write_time stamped on them.
     */
    AppendResult publish();

    /** Stops the writers and deletes every unpublished file; published files stay. Idempotent. */
    @Override
    void close();
}
