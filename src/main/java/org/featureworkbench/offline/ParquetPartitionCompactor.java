package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.featureworkbench.model.FeatureStoreException;

/**
 * Merges one partition's files into one (docs/decisions/0003-offline-compaction.md):
 * <ol>
 *   <li>write the merged file under a temporary name and sync it (readers cannot see it);</li>
 *   <li>write a journal naming the merged file and the files it replaces, and sync it;</li>
 *   <li>under the group's files write lock: rename the merged file into place, delete the old
 *       ones (workbench readers see the old set or the new one);</li>
 *   <li>delete the journal.</li>
 * </ol>
 * A crash after step 2 is finished by {@link #finishInterrupted}: if the merged file was renamed,
 * the old files are deleted; if not, the journal is dropped and the old files stay.
 * Used under the group's writer lock; not thread-safe itself.
 */
final class ParquetPartitionCompactor {
    static final String JOURNAL = ".compaction.journal";
    private static final int PREFIX_LENGTH = "yyyyMMddTHHmmssZ".length();

    private final OfflineSchema schema;
    private final CompressionCodecName codec;
    private final ReentrantReadWriteLock filesLock;

    ParquetPartitionCompactor(OfflineSchema schema, CompressionCodecName codec, ReentrantReadWriteLock filesLock) {
        this.schema = schema;
        this.codec = codec;
        this.filesLock = filesLock;
    }

    /** Merges the published files of one partition; returns false when there was nothing to merge. */
    boolean compact(List<Path> files) throws IOException {
        return compact(files, token -> true);
    }

    /**
     * Merges as {@link #compact(List)}, pruning the earlier absorbed tokens {@code tokenStillNeeded}
     * rejects from the partition's {@code .tokens} (ADR 0019 addendum 4).
     */
    boolean compact(List<Path> files, java.util.function.Predicate<String> tokenStillNeeded) throws IOException {
        if (files.size() < 2) {
            return false;
        }
        Path directory = files.get(0).getParent();
        Path temporary = directory.resolve(OfflineLayout.tempFileName("compact"));
        try {
            writeMerged(files, temporary);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        // The merged file keeps SageMaker's name rule: the latest event of its rows is the latest
        // of the old files', which their names already carry.
        String prefix = files.stream().map(f -> f.getFileName().toString().substring(0, PREFIX_LENGTH))
                .max(Comparator.naturalOrder()).orElseThrow();
        Path target = directory.resolve(OfflineLayout.dataFileName(prefix));
        // Before any old file goes: the tokens their names carry must stay findable (exactly-once appends).
        PartitionTokens.absorb(directory, files, tokenStillNeeded);
        writeJournal(directory, target, files);
        swap(temporary, target, files);
        Path journal = directory.resolve(JOURNAL);
        Files.delete(journal);
        DurableFiles.syncDirectory(directory);
        return true;
    }

    private void writeMerged(List<Path> files, Path temporary) throws IOException {
        long expected = 0;
        for (Path file : files) {
            expected += ParquetFiles.footer(file).rows();
        }
        long copied = 0;
        try (ParquetWriter<GenericRecord> writer = ParquetFiles.openWriter(temporary, schema.avro(), codec)) {
            for (Path file : files) {
                copied += ParquetRowCopier.copy(file, schema, writer);
            }
        }
        if (copied != expected) {
            throw new FeatureStoreException("Compaction of " + temporary.getParent() + " read " + copied
                    + " rows but the footers count " + expected + "; the partition was left unchanged");
        }
        DurableFiles.sync(temporary);
    }

    private static void writeJournal(Path directory, Path target, List<Path> replaced) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(target.getFileName().toString());
        replaced.forEach(f -> lines.add(f.getFileName().toString()));
        Path temporary = directory.resolve(OfflineLayout.tempFileName("journal"));
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        DurableFiles.sync(temporary);
        DurableFiles.publish(temporary, directory.resolve(JOURNAL));
        DurableFiles.syncDirectory(directory);
    }

    private void swap(Path temporary, Path target, List<Path> replaced) throws IOException {
        ReentrantReadWriteLock.WriteLock lock = filesLock.writeLock();
        lock.lock();
        try {
            DurableFiles.publish(temporary, target);
            for (Path old : replaced) {
                Files.deleteIfExists(old);
            }
        } finally {
            lock.unlock();
        }
        DurableFiles.syncDirectory(target.getParent());
    }

    /**
     * Completes or drops the compaction a journal describes.
     *
     * @param filesLock the group's files lock, or null at start-up when no reader can exist
     * @return true when the merged file was in place and the replaced files were deleted
     */
    static boolean finishInterrupted(Path journal, ReentrantReadWriteLock filesLock) throws IOException {
        Path directory = journal.getParent();
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        boolean merged = !lines.isEmpty() && Files.exists(directory.resolve(lines.get(0)));
        if (merged) {
            ReentrantReadWriteLock.WriteLock lock = filesLock == null ? null : filesLock.writeLock();
            if (lock != null) {
                lock.lock();
            }
            try {
                for (String old : lines.subList(1, lines.size())) {
                    Files.deleteIfExists(directory.resolve(old));
                }
            } finally {
                if (lock != null) {
                    lock.unlock();
                }
            }
            DurableFiles.syncDirectory(directory);
        }
        Files.delete(journal);
        DurableFiles.syncDirectory(directory);
        return merged;
    }
}
