package org.featureworkbench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;

/** File-level checks every source reader makes before it opens a file. */
final class SourceFiles {
    private SourceFiles() {
    }

    /**
     * @throws FeatureStoreException when the path is missing, a directory, unreadable or empty
     */
    static long checkReadable(Path file) {
        if (!Files.exists(file)) {
            throw new FeatureStoreException("file not found: " + file.toAbsolutePath()
                    + "; check the path (relative paths start at " + Path.of("").toAbsolutePath() + ")");
        }
        if (Files.isDirectory(file)) {
            throw new FeatureStoreException(file.toAbsolutePath() + " is a directory, not a file; "
                    + "pass one CSV, Parquet or JSON Lines file inside it");
        }
        if (!Files.isReadable(file)) {
            throw new FeatureStoreException(file.toAbsolutePath() + " is not readable; check its permissions");
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new FeatureStoreException(file + " is empty (0 bytes); a source file needs a header row "
                        + "naming the columns and at least one row");
            }
            return size;
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + IoProblems.reason(e), e);
        }
    }
}
