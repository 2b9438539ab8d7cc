package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <group folder>/.changes}: a random token rewritten after every change of the group's
 * published files (append, ingest publish, compaction), by whichever process made it. A reader
 * that read the token <em>before</em> listing the files, and later reads the same token, knows
 * the listing is still current and need not walk thousands of hour folders again.
 *
 * <p>The token is written after the change, with an atomic rename and without fsync: only an
 * operating-system crash can lose it, and that also ends every reader that cached the old one.
 * Outside {@code data/}, with a leading dot: Spark, Hive and DuckDB globs never see it.
 * Thread-safe; a failure to write is logged and costs readers only their shortcut... which is why
 * a failed write deletes the token, so readers list every time until the next write succeeds.
 */
final class ChangeMarker {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeMarker.class);
    static final String FILE = ".changes";

    private ChangeMarker() {
    }

    /** Records that the published files under {@code groupDirectory} changed. */
    static void mark(Path groupDirectory) {
        Path marker = groupDirectory.resolve(FILE);
        try {
            if (!Files.isDirectory(groupDirectory)) {
                // Nothing was published there (or the folder was purged): never create it for a marker.
                return;
            }
            Path temp = groupDirectory.resolve(OfflineLayout.tempFileName("changes"));
            Files.writeString(temp, OfflineLayout.randomId(), StandardCharsets.US_ASCII);
            Files.move(temp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not record a change of {} ({}); readers will list its files every time", groupDirectory,
                    e.getMessage());
            try {
                Files.deleteIfExists(marker);
            } catch (IOException ignored) {
                // a stale token would hide the change: nothing else to try
            }
        }
    }

    /**
     * The current token, or empty when there is none and none could be made (then the caller must
     * list). A group that never had one gets one now, created only if still absent so a writer's
     * newer token is never overwritten.
     */
    static String read(Path groupDirectory) {
        Path marker = groupDirectory.resolve(FILE);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return Files.readString(marker, StandardCharsets.US_ASCII);
            } catch (NoSuchFileException absent) {
                try {
                    if (!Files.isDirectory(groupDirectory)) {
                        return "";
                    }
                    Files.writeString(marker, OfflineLayout.randomId(), StandardCharsets.US_ASCII,
                            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException raced) {
                    // a writer made one meanwhile: read it
                } catch (IOException e) {
                    return "";
                }
            } catch (IOException e) {
                return "";
            }
        }
        return "";
    }
}
