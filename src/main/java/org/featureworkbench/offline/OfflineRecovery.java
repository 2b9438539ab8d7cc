package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up clean-up of a store root after a crash: finishes interrupted compactions (their
 * journals), then deletes temporary files, which were never published and so never acknowledged.
 * Must run while no other writer uses the root.
 */
final class OfflineRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineRecovery.class);

    private final Path root;

    OfflineRecovery(Path root) {
        this.root = root;
    }

    void run() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        int compactions = 0;
        for (Path journal : find(ParquetPartitionCompactor.JOURNAL::equals)) {
            boolean merged = ParquetPartitionCompactor.finishInterrupted(journal, null);
            LOG.info("Recovered interrupted compaction in {} ({})", journal.getParent(),
                    merged ? "finished" : "rolled back");
            compactions++;
        }
        int temporaries = 0;
        for (Path temporary : find(OfflineLayout::isTemporary)) {
            Files.deleteIfExists(temporary);
            temporaries++;
        }
        if (compactions + temporaries > 0) {
            LOG.warn("Offline store recovery under {}: {} interrupted compaction(s), {} unpublished temporary file(s)"
                    + " deleted", root, compactions, temporaries);
        }
    }

    /**
     * Finishes the compactions a failed earlier {@code compact} left in one group, so a new
     * compaction never merges a replaced set together with its replacement.
     */
    static void finishCompactions(Path dataDirectory, ReentrantReadWriteLock lock)
            throws IOException {
        if (!Files.isDirectory(dataDirectory)) {
            return;
        }
        for (Path journal : walk(dataDirectory, ParquetPartitionCompactor.JOURNAL::equals)) {
            ParquetPartitionCompactor.finishInterrupted(journal, lock);
        }
    }

    private List<Path> find(Predicate<String> name) throws IOException {
        return walk(root, name);
    }

    /** Regular files anywhere below {@code start} whose name satisfies the test. */
    private static List<Path> walk(Path start, Predicate<String> name) throws IOException {
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(p -> name.test(p.getFileName().toString()) && Files.isRegularFile(p)).toList();
        }
    }
}
