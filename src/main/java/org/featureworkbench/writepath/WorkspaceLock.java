package org.featureworkbench.writepath;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.featureworkbench.database.ProcessInfo;
import org.featureworkbench.model.FeatureStoreException;

/**
 * The lock a workspace-wide operation on one group (compaction, group deletion) holds, seen by
 * every process on the workspace (ADR 0017): an exclusive {@link FileChannel#lock} on
 * {@code <workspace>/locks/<group folder>.lock}. Beside it, {@code <group folder>.holder} names the
 * holder (its operation, process id and command line), so a process that must wait can say for
 * whom. The operating system drops the lock when its process dies, so a killed holder never
 * blocks anyone.
 *
 * <p>A {@link FileLock} belongs to the whole JVM (a second lock of the same file in one JVM
 * throws), so an in-JVM lock per file is taken first: two stores in one JVM wait for each other too.
 */
final class WorkspaceLock implements AutoCloseable {
    static final String FOLDER = "locks";
    private static final ConcurrentMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock inJvm;
    private final FileChannel channel;
    private final FileLock lock;
    private final Path holderFile;

    private WorkspaceLock(ReentrantLock inJvm, FileChannel channel, FileLock lock, Path holderFile) {
        this.inJvm = inJvm;
        this.channel = channel;
        this.lock = lock;
        this.holderFile = holderFile;
    }

    /**
     * Takes the group's lock, waiting as long as another operation holds it; before waiting it
     * tells {@code waiting} who holds it.
     *
     * @param operation what this process is about to do, for the holder file ("compact customers")
     */
    static WorkspaceLock acquire(Path workspace, String groupFolder, String operation, Consumer<String> waiting) {
        Path folder = workspace.resolve(FOLDER);
        Path file = folder.resolve(groupFolder + ".lock");
        Path holderFile = folder.resolve(groupFolder + ".holder");
        ReentrantLock inJvm = IN_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new ReentrantLock());
        if (!inJvm.tryLock()) {
            waiting.accept("waiting for " + describe(holderFile) + " to finish");
            inJvm.lock();
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                waiting.accept("waiting for " + describe(holderFile) + " to finish");
                lock = channel.lock();
            }
            Files.writeString(holderFile, operation + "\n" + ProcessInfo.current().describe(), StandardCharsets.UTF_8);
            return new WorkspaceLock(inJvm, channel, lock, holderFile);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            inJvm.unlock();
            throw new FeatureStoreException("could not take the workspace lock " + file + " for " + operation + ": "
                    + e.getMessage() + " (check the folder's permissions)", e);
        }
    }

    /** Who holds the lock, as its holder file says: "compact customers in process 1234 (… compact customers)". */
    private static String describe(Path holderFile) {
        try {
            String[] holder = Files.readString(holderFile, StandardCharsets.UTF_8).strip().split("\n", 2);
            return holder.length < 2 ? "a workspace-wide operation" : holder[0] + " in " + holder[1];
        } catch (NoSuchFileException none) {
            return "a workspace-wide operation";
        } catch (IOException e) {
            return "a workspace-wide operation";
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(holderFile);
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock anyway.
        } finally {
            closeQuietly(channel);
            inJvm.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
