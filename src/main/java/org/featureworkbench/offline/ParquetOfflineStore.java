package org.featureworkbench.offline;

import org.featureworkbench.model.OfflineStoreStats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline store as Parquet files (parquet-avro) in SageMaker's layout below
 * {@code <workspace>/offline-store}. See {@link OfflineStore} for the contract; the write path is
 * in {@link ParquetAppender}, compaction in {@link ParquetPartitionCompactor}.
 */
public final class ParquetOfflineStore implements OfflineStore {
    private static final Logger LOG = LoggerFactory.getLogger(ParquetOfflineStore.class);

    private final Path root;
    private final CompressionCodecName codec;
    private final GroupLocks locks = new GroupLocks();
    private final PurgeGuard purgeGuard;

    /**
     * A store under {@code root} writing SNAPPY files, on its own: a purge is seen by publishes of
     * this object only. A workspace's store is {@link #ParquetOfflineStore(Path, Path)}.
     */
    public ParquetOfflineStore(Path root) {
        this(root, CompressionCodecName.SNAPPY);
    }

    public ParquetOfflineStore(Path root, CompressionCodecName codec) {
        this(root, codec, null);
    }

    /**
     * A store of a workspace: {@code locks} is the workspace's lock folder, where every process
     * finds the lock a publish and a purge of one group folder share (ADR 0017, addendum).
     */
    public ParquetOfflineStore(Path root, Path locks) {
        this(root, CompressionCodecName.SNAPPY, locks);
    }

    private ParquetOfflineStore(Path root, CompressionCodecName codec, Path locks) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
        this.codec = Objects.requireNonNull(codec, "codec");
        this.purgeGuard = new PurgeGuard(locks);
    }

    /** The folder holding one sub-folder per group. */
    public Path root() {
        return root;
    }

    @Override
    public AppendResult append(FeatureGroup group, List<OfflineRow> rows) {
        return append(group, rows, null);
    }

    @Override
    public AppendResult appendOnce(FeatureGroup group, List<OfflineRow> rows, String fileToken) {
        if (fileToken == null || !fileToken.matches("[A-Za-z0-9]{16}")) {
            throw new IllegalArgumentException("file token must be 16 letters or digits: " + fileToken);
        }
        return append(group, rows, fileToken);
    }

    private AppendResult append(FeatureGroup group, List<OfflineRow> rows, String fileToken) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(rows, "rows");
        ReentrantLock writer = locks.writer(group.offlineFolderName());
        writer.lock();
        try {
            // Under the publish lock a purge in another process also takes: never into a purged folder.
            return purgeGuard.publishing(group.name(), group.offlineFolderName(),
                    () -> new ParquetAppender(dataDirectory(group), OfflineSchema.of(group), codec).append(rows, fileToken));
        } catch (IOException e) {
            throw new FeatureStoreException("Could not write offline files of feature group '" + group.name()
                    + "' under " + groupDirectory(group) + ": " + e.getMessage()
                    + " (nothing was published; check free disk space and permissions)", e);
        } finally {
            ChangeMarker.mark(groupDirectory(group));
            writer.unlock();
        }
    }

    @Override
    public OfflineBulkAppend openBulkAppend(FeatureGroup group, Instant apiInvocationTime) {
        return openBulkAppend(group, apiInvocationTime, ParquetBulkAppend.defaultThreads(),
                ParquetBulkAppend.defaultBudgetBytes(), null);
    }

    @Override
    public OfflineBulkAppend openBulkAppend(FeatureGroup group, Instant apiInvocationTime, JobFiles jobFiles) {
        Objects.requireNonNull(jobFiles, "jobFiles");
        return openBulkAppend(group, apiInvocationTime, ParquetBulkAppend.defaultThreads(),
                ParquetBulkAppend.defaultBudgetBytes(), jobFiles);
    }

    @Override
    public int discardJobFiles(FeatureGroup group, String jobToken, int lastKeptCheckpoint) {
        String key = group.offlineFolderName();
        ReentrantLock writer = locks.writer(key);
        ReentrantReadWriteLock.WriteLock files = locks.files(key).writeLock();
        writer.lock();
        files.lock();
        int deleted = 0;
        try {
            for (Path file : publishedFiles(dataDirectory(group))) {
                if (JobFiles.checkpointOf(file.getFileName().toString(), jobToken) > lastKeptCheckpoint) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
            return deleted;
        } catch (IOException e) {
            throw new FeatureStoreException("Could not remove the unfinished checkpoint of an interrupted ingest from "
                    + groupDirectory(group) + ": " + e.getMessage() + " (check the folder's permissions and resume again)",
                    e);
        } finally {
            if (deleted > 0) {
                ChangeMarker.mark(groupDirectory(group));
            }
            files.unlock();
            writer.unlock();
        }
    }

    /** {@link #openBulkAppend(FeatureGroup, Instant)} with explicit writer threads and memory budget (tests). */
    OfflineBulkAppend openBulkAppend(FeatureGroup group, Instant apiInvocationTime, int threads, long budgetBytes) {
        return openBulkAppend(group, apiInvocationTime, threads, budgetBytes, null);
    }

    private OfflineBulkAppend openBulkAppend(FeatureGroup group, Instant apiInvocationTime, int threads,
                                             long budgetBytes, JobFiles jobFiles) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(apiInvocationTime, "apiInvocationTime");
        // The writer lock is taken only for the renames: the outbox flusher and compaction of this
        // group keep working while an ingest streams its (hidden) files.
        return new ParquetBulkAppend(group, dataDirectory(group), codec, apiInvocationTime,
                locks.writer(group.offlineFolderName()), () -> ChangeMarker.mark(groupDirectory(group)), threads,
                budgetBytes, jobFiles, new ParquetBulkAppend.PurgeCheck() {
                    @Override
                    public <T> T publishing(PurgeGuard.Work<T> renames) throws IOException {
                        return purgeGuard.publishing(group.name(), group.offlineFolderName(), renames);
                    }

                    @Override
                    public void removeLeftovers() throws IOException {
                        // Whatever the ingest's writing recreated under the purged folder is its own.
                        purgeGuard.locked(group.offlineFolderName(), () -> {
                            deleteRecursively(groupDirectory(group));
                            return null;
                        });
                    }
                });
    }

    @Override
    public OfflineStoreStats stats(FeatureGroup group) {
        try (OfflineReadLease lease = openReadLease(group)) {
            long rows = 0;
            long bytes = 0;
            Instant last = null;
            for (Path file : lease.files()) {
                ParquetFiles.Footer footer = ParquetFiles.footer(file);
                rows += footer.rows();
                bytes += Files.size(file);
                if (footer.maxWriteTime().isPresent() && (last == null || footer.maxWriteTime().get().isAfter(last))) {
                    last = footer.maxWriteTime().get();
                }
            }
            long partitions = lease.files().stream().map(Path::getParent).distinct().count();
            return new OfflineStoreStats(lease.files().size(), partitions, rows, bytes, Optional.ofNullable(last));
        } catch (IOException e) {
            throw new FeatureStoreException("Could not read offline store statistics of feature group '"
                    + group.name() + "' under " + groupDirectory(group) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void compact(FeatureGroup group) {
        compact(group, token -> true);
    }

    @Override
    public void compact(FeatureGroup group, java.util.function.Predicate<String> tokenStillNeeded) {
        String key = group.offlineFolderName();
        ReentrantLock writer = locks.writer(key);
        writer.lock();
        try {
            ParquetPartitionCompactor compactor = new ParquetPartitionCompactor(OfflineSchema.of(group), codec,
                    locks.files(key));
            OfflineRecovery.finishCompactions(dataDirectory(group), locks.files(key));
            int merged = 0;
            for (List<Path> partition : publishedFilesByPartition(dataDirectory(group))) {
                if (compactor.compact(partition, tokenStillNeeded)) {
                    merged++;
                }
            }
            LOG.info("Compacted offline store of {}: {} partition(s) merged", group.name(), merged);
        } catch (IOException e) {
            throw new FeatureStoreException("Could not compact the offline store of feature group '" + group.name()
                    + "' under " + groupDirectory(group) + ": " + e.getMessage()
                    + " (partitions not yet swapped keep their old files; run compact again)", e);
        } finally {
            ChangeMarker.mark(groupDirectory(group));
            writer.unlock();
        }
    }

    @Override
    public Path groupDirectory(FeatureGroup group) {
        return root.resolve(group.offlineFolderName());
    }

    @Override
    public String readGlob(FeatureGroup group) {
        return dataDirectory(group).toString().replace('\\', '/') + "/**/*" + OfflineLayout.PARQUET_SUFFIX;
    }

    @Override
    public String changeToken(FeatureGroup group) {
        return ChangeMarker.read(groupDirectory(group));
    }

    @Override
    public void fileTakenAway(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        if (normalized.startsWith(base) && base.relativize(normalized).getNameCount() > 1) {
            ChangeMarker.mark(base.resolve(base.relativize(normalized).getName(0)));
        }
    }

    @Override
    public OfflineReadLease openReadLease(FeatureGroup group) {
        ReentrantReadWriteLock.ReadLock lock = locks.files(group.offlineFolderName()).readLock();
        lock.lock();
        try {
            List<Path> files = publishedFiles(dataDirectory(group));
            return new ReadLease(readGlob(group), files, lock);
        } catch (IOException | RuntimeException e) {
            lock.unlock();
            throw new FeatureStoreException("Could not list the offline files of feature group '" + group.name()
                    + "' under " + groupDirectory(group) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void purge(FeatureGroup group) {
        String key = group.offlineFolderName();
        ReentrantLock writer = locks.writer(key);
        ReentrantReadWriteLock.WriteLock files = locks.files(key).writeLock();
        writer.lock();
        files.lock();
        try {
            // Marked purged under the lock every publish into the folder takes, in every process:
            // a publish already decided elsewhere then finds the mark and recreates nothing.
            purgeGuard.purging(key, () -> {
                deleteWhileWritersFinish(groupDirectory(group));
                return null;
            });
            LOG.info("Purged offline store of {} ({})", group.name(), groupDirectory(group));
        } catch (IOException | UncheckedIOException e) {
            throw new FeatureStoreException("Could not delete the offline folder " + groupDirectory(group)
                    + " of feature group '" + group.name() + "': " + e.getMessage(), e);
        } finally {
            files.unlock();
            writer.unlock();
        }
    }

    @Override
    public boolean wasPurged(String groupFolder) {
        return purgeGuard.isPurged(groupFolder);
    }

    /**
     * Deletes the folder while an ingest in another process may still be writing its hidden
     * files into it (it finds the purge mark at its next publish and removes what it wrote then).
     */
    private static void deleteWhileWritersFinish(Path directory) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteRecursively(directory);
                return;
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void recover() {
        try {
            new OfflineRecovery(root).run();
        } catch (IOException | UncheckedIOException e) {
            throw new FeatureStoreException("Could not recover the offline store under " + root + ": "
                    + e.getMessage(), e);
        }
    }

    private Path dataDirectory(FeatureGroup group) {
        return groupDirectory(group).resolve(OfflineLayout.DATA);
    }

    static List<Path> publishedFiles(Path dataDirectory) throws IOException {
        if (!Files.isDirectory(dataDirectory)) {
            return List.of();
        }
        // walkFileTree rather than Files.walk: a writer in this or another process may rename or
        // delete a temporary file or a compaction journal between the directory read and the
        // stat, and a file that vanished mid-listing is simply not part of the listing.
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(dataDirectory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && OfflineLayout.isPublished(file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        files.sort(null);
        return files;
    }

    private static List<List<Path>> publishedFilesByPartition(Path dataDirectory) throws IOException {
        List<List<Path>> partitions = new ArrayList<>();
        Path current = null;
        for (Path file : publishedFiles(dataDirectory)) {
            if (!file.getParent().equals(current)) {
                current = file.getParent();
                partitions.add(new ArrayList<>());
            }
            partitions.get(partitions.size() - 1).add(file);
        }
        return partitions;
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static final class ReadLease implements OfflineReadLease {
        private final String glob;
        private final List<Path> files;
        private ReentrantReadWriteLock.ReadLock lock;

        ReadLease(String glob, List<Path> files, ReentrantReadWriteLock.ReadLock lock) {
            this.glob = glob;
            this.files = files;
            this.lock = lock;
        }

        @Override
        public String glob() {
            return glob;
        }

        @Override
        public List<Path> files() {
            return files;
        }

        @Override
        public void close() {
            if (lock != null) {
                lock.unlock();
                lock = null;
            }
        }
    }
}
