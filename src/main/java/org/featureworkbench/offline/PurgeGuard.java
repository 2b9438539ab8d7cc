package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps a publish in one process from recreating a group folder another process has purged
 * ({@code group delete --purge-offline}, ADR 0017 addendum). Every publish into a group folder
 * and the purge of it hold {@code <locks>/<group folder>.publish} (an OS file lock, seen by every
 * process; an in-JVM lock first, as a {@link FileLock} belongs to the whole JVM). The purge
 * writes {@code <group folder>.purged} before it deletes the folder; a publish that gets the lock
 * afterwards finds that mark, publishes nothing and removes whatever its own writing recreated.
 *
 * <p>Held only for a publish's renames (or a journal append's small files) and for the purge:
 * milliseconds. Always the innermost lock: nothing waits for another process while holding it.
 */
final class PurgeGuard {
    private static final ConcurrentMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();
    private static final String LOCK_SUFFIX = ".publish";
    static final String PURGED_SUFFIX = ".purged";

    private final Path folder;
    /** Purge marks of a store outside a workspace (no lock folder): only this object sees them. */
    private final java.util.Set<String> purgedHere = ConcurrentHashMap.newKeySet();
    private final ReentrantLock here = new ReentrantLock();

    /**
     * @param folder where the lock and purge-mark files live ({@code <workspace>/locks}), or null
     *               for a store outside a workspace (tests, benchmarks): then the lock and the
     *               marks are this object's alone and no file is written
     */
    PurgeGuard(Path folder) {
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
    }

    /** Work done while holding a group folder's publish lock. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} holding the group folder's lock, if the folder has not been purged.
     *
     * @throws GroupFolderPurgedException when it was (nothing run)
     */
    <T> T publishing(String groupName, String groupFolder, Work<T> work) throws IOException {
        return locked(groupFolder, () -> {
            if (isPurged(groupFolder)) {
                throw new GroupFolderPurgedException(groupName, groupFolder);
            }
            return work.run();
        });
    }

    /** Marks the group folder purged and runs {@code purge}, holding its lock. */
    void purging(String groupFolder, Work<Void> purge) throws IOException {
        locked(groupFolder, () -> {
            if (folder == null) {
                purgedHere.add(groupFolder);
                return purge.run();
            }
            Files.writeString(folder.resolve(groupFolder + PURGED_SUFFIX), "purged by process "
                    + ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
            return purge.run();
        });
    }

    /** Whether the group folder was purged (its name must then never be given to a new group). */
    boolean isPurged(String groupFolder) {
        return folder == null ? purgedHere.contains(groupFolder)
                : Files.exists(folder.resolve(groupFolder + PURGED_SUFFIX));
    }

    /** Runs {@code work} holding the group folder's lock, purged or not (clean-up after a refused publish). */
    <T> T locked(String groupFolder, Work<T> work) throws IOException {
        if (folder == null) {
            here.lock();
            try {
                return work.run();
            } finally {
                here.unlock();
            }
        }
        Path file = folder.resolve(groupFolder + LOCK_SUFFIX);
        ReentrantLock inJvm = IN_JVM.computeIfAbsent(file, k -> new ReentrantLock());
        inJvm.lock();
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return work.run();
            }
        } finally {
            inJvm.unlock();
        }
    }
}
