package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** fsync and atomic rename, the two steps that make a published file survive a crash whole. */
final class DurableFiles {

    private DurableFiles() {
    }

    /** Forces a file's content and metadata to the disk. */
    static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Forces a directory's entries (a rename, a new file) to the disk. Some platforms (Windows)
     * cannot open a directory; there the rename is as durable as the file system makes it.
     */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported here (e.g. Windows); nothing more can be done.
        }
    }

    /** Renames a synced temporary file to its final name in one step; never overwrites. */
    static void publish(Path temporary, Path target) throws IOException {
        if (Files.exists(target)) {
            throw new IOException("refusing to overwrite published file " + target);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Renames a synced temporary file over {@code target} in one step, replacing it if it exists:
     * for a file that only ever grows into a superset of itself (a partition's {@code .tokens}),
     * so a reader sees the old or the new content, never a missing file.
     */
    static void replace(Path temporary, Path target) throws IOException {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Creates a directory and its missing parents, syncing each parent that gained an entry. */
    static void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(directory);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // Created concurrently by another group's writer sharing the root: fine.
            return;
        }
        if (parent != null) {
            syncDirectory(parent);
        }
    }
}
