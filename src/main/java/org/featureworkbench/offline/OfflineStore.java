package org.featureworkbench.offline;

import org.featureworkbench.model.OfflineStoreStats;

import java.nio.file.Path;
import java.util.List;
import org.featureworkbench.model.FeatureGroup;

/**
 * The offline store: every version of every record, append-only, in SageMaker's layout
 * ({@code <root>/<group>-<creation epoch s>/data/year=YYYY/month=MM/day=DD/hour=HH/*.parquet}).
 *
 * <p><b>Contract.</b> A published file is complete: readers (inside the workbench or a DuckDB or
 * Spark session globbing the folder) never see a partial file. An {@link #append} writes and syncs
 * every partition's file before it renames any, so a bad value or a write error publishes nothing;
 * only a crash (or a failed rename) during the final renames can leave some of its partitions
 * published — never half a file.
 * {@link #compact} changes how rows are spread over files, never which rows exist.
 *
 * <p><b>Threading.</b> Implementations are thread-safe. Appends to different groups run in
 * parallel; appends, compaction and purge of one group are serialised. Readers inside the workbench
 * hold an {@link OfflineReadLease} while they list and read files, so compaction's swap of a
 * partition's files is atomic for them.
 *
 * <p><b>Nulls.</b> No argument may be null; feature values inside an {@link OfflineRow} may be.
 * Errors are {@link org.featureworkbench.model.FeatureStoreException}s.
 */
public interface OfflineStore {

    /**
     * Writes rows, one new Parquet file per event-time hour (UTC) partition, stamping
     * {@code write_time} with the time of this call. An empty list writes nothing.
     *
     * @throws org.featureworkbench.model.ValidationException when a value's type does not match its
     *         feature or a feature is unknown to the group (nothing is published)
     */
    AppendResult append(FeatureGroup group, List<OfflineRow> rows);

    /**
     * {@link #append} that may be repeated after a crash without writing a row twice: every file is
     * named {@code <latest event>_<fileToken>.parquet}, and a partition that already holds a file
     * with the token is skipped. The outbox flusher uses its batch token here (exactly-once flush).
     *
     * @param fileToken exactly 16 ASCII letters or digits
     * @return the files published by this call and the rows in them (skipped partitions excluded)
     */
    AppendResult appendOnce(FeatureGroup group, List<OfflineRow> rows, String fileToken);

    /**
     * Opens a streaming append for a batch ingest: rows go into one open file per event-time hour
     * across calls and are published together at {@link OfflineBulkAppend#publish} (far fewer,
     * bigger files than one {@link #append} per chunk). Every row is stamped with
     * {@code apiInvocationTime}; {@code write_time} is when its block of rows was written.
     */
    OfflineBulkAppend openBulkAppend(FeatureGroup group, java.time.Instant apiInvocationTime);

    /**
     * {@link #openBulkAppend(FeatureGroup, java.time.Instant)} whose files carry an ingest job's
     * token and checkpoint number in their names ({@link JobFiles}; the first publish is
     * {@code jobFiles}' checkpoint, each later one the next), so the job's published rows can be
     * found again after a crash (ADR 0020).
     */
    OfflineBulkAppend openBulkAppend(FeatureGroup group, java.time.Instant apiInvocationTime, JobFiles jobFiles);

    /**
     * Deletes the published files of the job with this token whose checkpoint is after
     * {@code lastKeptCheckpoint}: the files of a publish that a crash interrupted (some renamed,
     * some not) or that the job never recorded as done, before a resume writes those rows again.
     *
     * @return how many files were deleted
     */
    int discardJobFiles(FeatureGroup group, String jobToken, int lastKeptCheckpoint);

    /** Files, rows (from the Parquet footers), bytes and last write time of a group's offline data. */
    OfflineStoreStats stats(FeatureGroup group);

    /**
     * Merges each partition's files into one. Readers holding a lease see either the old set or
     * the new one; the rows (as a multiset) and {@link #stats} row counts are unchanged.
     */
    void compact(FeatureGroup group);

    /**
     * {@link #compact(FeatureGroup)} that also prunes, in each partition it merges, the absorbed
     * file tokens of earlier compactions for which {@code tokenStillNeeded} says no (ADR 0019
     * addendum 3). Tokens this compaction absorbs are all kept. Run it under the group's
     * workspace lock, with {@code tokenStillNeeded} computed after the journals were settled.
     */
    default void compact(FeatureGroup group, java.util.function.Predicate<String> tokenStillNeeded) {
        compact(group);
    }

    /** The group's folder, {@code <root>/<group>-<creation epoch seconds>}; it may not exist yet. */
    Path groupDirectory(FeatureGroup group);

    /**
     * The glob DuckDB (or Spark) should read: {@code <group folder>/data/**}{@code /*.parquet}, with
     * forward slashes. It matches only published files.
     */
    String readGlob(FeatureGroup group);

    /**
     * A token that changes whenever the group's published files change, in this process or
     * another: a reader that read it before listing the files and reads the same token later may
     * keep its listing. Empty when no token can be had (then list every time). Cheap: one small read.
     */
    String changeToken(FeatureGroup group);

    /**
     * Says that a published file under this store was taken away by something other than the
     * store (repair moving an unreadable file aside), so the group's {@link #changeToken} changes
     * and readers that kept a listing list again. Does nothing for a file outside the store.
     */
    void fileTakenAway(java.nio.file.Path file);

    /**
     * Pins the group's published files for a read: until the lease is closed, compaction cannot
     * swap files under the reader. Close it on the thread that opened it (try-with-resources),
     * and do not call {@link #compact} or {@link #purge} of the same group while holding it (that
     * thread would wait for itself).
     */
    OfflineReadLease openReadLease(FeatureGroup group);

    /**
     * Deletes the group's folder and everything in it; a missing folder is not an error. A
     * publish into the folder by any process after this began publishes nothing and leaves nothing
     * behind ({@link GroupFolderPurgedException}).
     */
    void purge(FeatureGroup group);

    /** Whether a group folder of this name was purged: the name must not be given to a new group. */
    boolean wasPurged(String groupFolder);

    /**
     * Finishes or rolls back work a crashed process left: deletes unpublished temporary files and
     * completes interrupted compactions. Call once at start-up, while no other process writes the
     * same store (the workspace lock guarantees that).
     */
    void recover();
}
