package org.featureworkbench.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * An OS lock that says "this data source may have the workspace database open": taken before its
 * first connection and released when it is disposed ({@code online/openers/<pid>-<n>.lock}). The
 * OS drops it when the process dies, however it dies, so a process that finds H2's lock file
 * left behind can tell a killed owner (nobody holds an opener lock) from one that is still
 * closing the file (it still holds its lock) without waiting (ADR 0016, addendum).
 *
 * <p>On Linux, closing any descriptor of a file drops every POSIX lock the process holds on it,
 * so this process never opens a lock file it holds itself: those are in {@link #HELD}.
 */
final class OpenerLock {
    private static final String FOLDER = "openers";
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Lock files held by this JVM. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OpenerLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** This data source's lock, or null when none can be taken (a read-only folder): then nobody skips a wait. */
    static OpenerLock take(Path online) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Path file = online.resolve(FOLDER).resolve(ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet()
                    + ".lock");
            try {
                Files.createDirectories(file.getParent());
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                // Another process may have found the new file unlocked (between open and lock), taken it
                // for a dead process's and deleted it: a lock on a deleted file would tell nobody anything.
                if (lock != null && Files.exists(file)) {
                    HELD.add(file);
                    return new OpenerLock(file, channel, lock);
                }
                channel.close();
            } catch (IOException | OverlappingFileLockException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * True when no data source other than {@code self}, in this process or another, holds an
     * opener lock of this workspace — so no living process can have the database open. Lock files
     * of dead processes are deleted on the way. Any doubt (an unreadable folder) answers false.
     */
    static boolean nobodyElse(Path online, OpenerLock self) {
        Path folder = online.resolve(FOLDER);
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".lock")).toList();
        } catch (IOException e) {
            return false;
        }
        for (Path f : files) {
            if (self != null && f.equals(self.file)) {
                continue;
            }
            if (HELD.contains(f) || isHeld(f)) {
                return false;
            }
        }
        return self != null;
    }

    /** Whether another process holds the lock; a free one belonged to a dead process and is deleted. */
    private static boolean isHeld(Path f) {
        try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
            FileLock l = c.tryLock();
            if (l == null) {
                return true;
            }
            Files.deleteIfExists(f); // still under the lock: nobody can take it meanwhile
            l.release();
            return false;
        } catch (java.nio.file.NoSuchFileException e) {
            return false; // released and deleted by its owner meanwhile
        } catch (IOException | OverlappingFileLockException e) {
            return true;
        }
    }

    /** Releases the lock and deletes its file. */
    void release() {
        try {
            Files.deleteIfExists(file);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS drops the lock with the process anyway
        } finally {
            HELD.remove(file);
        }
    }
}
