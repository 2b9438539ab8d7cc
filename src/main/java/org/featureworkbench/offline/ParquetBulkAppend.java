package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OfflineBulkAppend} for {@link ParquetOfflineStore}. The calling thread serialises rows
 * into blocks per writer thread (hours are spread over the threads by their number); the
 * {@link BulkWriterThread}s buffer them per hour and write. {@link #publish} has every remaining hour written (in
 * parallel, {@link ParallelFileWork}), syncs all the files, then renames them under the group's
 * writer lock, so a journal flush or a compaction of the same group never interleaves with the
 * renames. Single-threaded use.
 */
final class ParquetBulkAppend implements OfflineBulkAppend {
    /**
     * Share of the maximum heap the buffered rows of one bulk append may use: with -Xmx512m, 150 MB
     * holds a million rows of the {@code bench ingest} file, so one file per hour per ingest.
     */
    static final double HEAP_SHARE = 0.3;
    private static final Logger LOG = LoggerFactory.getLogger(ParquetBulkAppend.class);

    private final FeatureGroup group;
    private final Path dataDirectory;
    private final Lock publishLock;
    private final Runnable onPublished;
    private final PurgeCheck purgeCheck;
    private final BulkWriterThread[] writers;
    private final BulkWriterThread.Block[] filling;
    private long pendingRows;
    private boolean closed;
    /** The job's file names of the next publish, or null for random names. */
    private JobFiles jobFiles;

    ParquetBulkAppend(FeatureGroup group, Path dataDirectory, CompressionCodecName codec, Instant apiInvocationTime,
                      Lock publishLock, Runnable onPublished, int threads, long budgetBytes, JobFiles jobFiles,
                      PurgeCheck purgeCheck) {
        this.jobFiles = jobFiles;
        this.purgeCheck = purgeCheck;
        this.group = group;
        this.dataDirectory = dataDirectory;
        this.publishLock = publishLock;
        this.onPublished = onPublished;
        OfflineSchema schema = OfflineSchema.of(group);
        HourFileWriter files = new HourFileWriter(dataDirectory, schema, codec, OfflineSchema.micros(apiInvocationTime));
        writers = new BulkWriterThread[threads];
        filling = new BulkWriterThread.Block[threads];
        for (int i = 0; i < threads; i++) {
            writers[i] = new BulkWriterThread("offline-bulk-" + group.name() + "-" + i, files, schema,
                    budgetBytes / threads);
            filling[i] = writers[i].emptyBlock();
        }
    }

    /** How the renames learn that another process purged the group folder meanwhile (ADR 0017, addendum). */
    interface PurgeCheck {
        /** Runs the renames under the folder's publish lock, unless it was purged. */
        <T> T publishing(PurgeGuard.Work<T> renames) throws IOException;

        /** Removes what this append's writing recreated under the purged folder. */
        void removeLeftovers() throws IOException;
    }

    /** Writer threads for this machine: the reading thread keeps one core busy, the rest encode. */
    static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** The default memory budget of a bulk append's open files. */
    static long defaultBudgetBytes() {
        return (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
    }

    @Override
    public void add(Object[] values, long eventTimeMs) {
        checkOpen();
        int w = writers.length == 1 ? 0 : (int) Math.floorMod(Math.floorDiv(eventTimeMs, 3_600_000L), writers.length);
        // Serialised here, on the thread that made the values (RowBytes); a wrongly typed value throws now.
        boolean full = filling[w].add(values, eventTimeMs);
        pendingRows++;
        if (full) {
            handOver(w);
        }
    }

    @Override
    public long pendingRows() {
        return pendingRows;
    }

    @Override
    public AppendResult publish() {
        checkOpen();
        if (pendingRows == 0) {
            return new AppendResult(List.of(), 0, Instant.now());
        }
        List<HourFileWriter.Finished> files = new ArrayList<>();
        try {
            for (int w = 0; w < writers.length; w++) {
                handOver(w);
            }
            for (BulkWriterThread w : writers) {
                files.addAll(w.finishAll()); // written, not synced
            }
            syncAll(files);
            Instant writeTime = Instant.now();
            List<Path> published = rename(files);
            long rows = pendingRows;
            pendingRows = 0;
            return new AppendResult(published, rows, writeTime);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(files);
            close();
            if (e instanceof GroupFolderPurgedException purged) {
                removeLeftovers();
                throw purged;
            }
            if (e instanceof FeatureStoreException fse) {
                throw fse;
            }
            throw new FeatureStoreException("Could not write offline files of feature group '" + group.name()
                    + "' under " + dataDirectory.getParent() + ": " + e.getMessage()
                    + " (nothing of this ingest since its last published checkpoint was published; check free disk"
                    + " space and permissions)", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (BulkWriterThread w : writers) {
            w.abort();
        }
    }

    private void handOver(int w) {
        BulkWriterThread.Block block = filling[w];
        if (block.size == 0) {
            return;
        }
        filling[w] = writers[w].emptyBlock();
        try {
            writers[w].submit(block);
        } catch (IOException | RuntimeException e) {
            close();
            if (e instanceof FeatureStoreException fse) {
                throw fse;
            }
            throw new FeatureStoreException("Could not write offline files of feature group '" + group.name()
                    + "' under " + dataDirectory.getParent() + ": " + e.getMessage()
                    + " (nothing of this ingest since its last published checkpoint was published)", e);
        }
    }

    /**
     * Syncs the files all at once, after all were written. On ext4 (ordered data) an fsync commits
     * the journal with every file's dirty data, so a sync right after each file's write, while the
     * others are still being written, cost ~6 ms each (0.5 s for the 720 files of {@code bench
     * ingest}); syncing the finished set takes a tenth of that.
     */
    private static void syncAll(List<HourFileWriter.Finished> files) throws IOException {
        List<java.util.concurrent.Callable<Void>> syncs = new ArrayList<>(files.size());
        for (HourFileWriter.Finished f : files) {
            syncs.add(() -> {
                DurableFiles.sync(f.temporary());
                return null;
            });
        }
        ParallelFileWork.runAll(syncs, ignored -> { });
    }

    /**
     * Renames every synced file to its published name, then syncs the folders that gained entries:
     * the partitions, and their ancestors up to the store root, which the writer threads may have
     * created without syncing.
     */
    private List<Path> rename(List<HourFileWriter.Finished> files) throws IOException {
        List<Path> published = new ArrayList<>(files.size());
        Set<Path> directories = new LinkedHashSet<>();
        publishLock.lock();
        try {
            purgeCheck.publishing(() -> {
                for (int i = 0; i < files.size(); i++) {
                    HourFileWriter.Finished f = files.get(i);
                    String name = jobFiles == null ? OfflineLayout.dataFileName(f.latestEvent())
                            : jobFiles.fileName(OfflineLayout.timestampPrefix(f.latestEvent()), i);
                    Path target = f.temporary().resolveSibling(name);
                    DurableFiles.publish(f.temporary(), target);
                    published.add(target);
                    directories.add(target.getParent());
                }
                return null;
            });
        } finally {
            onPublished.run();
            publishLock.unlock();
        }
        if (jobFiles != null) {
            jobFiles = jobFiles.next();
        }
        Path storeRoot = dataDirectory.getParent().getParent();
        for (Path partition : new ArrayList<>(directories)) {
            for (Path p = partition.getParent(); p != null && p.startsWith(storeRoot); p = p.getParent()) {
                directories.add(p);
            }
        }
        ParallelFileWork.forEach(new ArrayList<>(directories), DurableFiles::syncDirectory);
        return published;
    }

    private void removeLeftovers() {
        try {
            purgeCheck.removeLeftovers();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove the files this ingest wrote under the purged folder {}: {}",
                    dataDirectory.getParent(), e.getMessage());
        }
    }

    private static void deleteQuietly(List<HourFileWriter.Finished> files) {
        for (HourFileWriter.Finished f : files) {
            try {
                Files.deleteIfExists(f.temporary());
            } catch (IOException e) {
                // Unpublished ones are hidden; the next start's recovery deletes them.
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("bulk append of '" + group.name() + "' is closed");
        }
    }
}
