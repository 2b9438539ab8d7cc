package org.featureworkbench.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.featureworkbench.model.FeatureStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's ingest job records, {@code <workspace>/jobs/<id>.json}, and their locks,
 * {@code <id>.lock} (ADR 0020). The process running a job holds an OS file lock on its lock file
 * for as long as it runs; the OS drops it when the process dies, however it dies, so "marked
 * running and nobody holds the lock" means interrupted. Any process may read; a record is
 * replaced atomically (temporary file + rename), so a reader never sees half of one.
 * Thread-safe.
 */
final class IngestJobFiles {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJobFiles.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String RECORD_SUFFIX = ".json";
    private static final String LOCK_SUFFIX = ".lock";
    /** Ended jobs whose records are kept; older ones are deleted when a job starts. */
    static final int KEPT_ENDED = 200;

    /**
     * Lock files this JVM holds. Such a file must not be opened again here: on Linux (POSIX
     * locks) closing any descriptor of a file drops every lock the process holds on it.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path directory;

    IngestJobFiles(Path directory) {
        this.directory = directory;
    }

    /** The folder of the records. */
    Path directory() {
        return directory;
    }

    /** A held job lock: the job runs in this process until it is closed. */
    static final class Claim implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;

        private Claim(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            synchronized (HELD) {
                try {
                    lock.release();
                    channel.close();
                } catch (IOException e) {
                    LOG.debug("Releasing a job lock failed (the OS drops it with the process)", e);
                } finally {
                    HELD.remove(file);
                }
            }
        }
    }

    /**
     * Takes the job's lock, waiting a moment for a reader that is only testing it.
     *
     * @return the claim, or empty when another process or thread runs the job
     */
    Optional<Claim> claim(String id) {
        createDirectory();
        Path file = lockFile(id);
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<Claim> claim = tryClaim(file);
            if (claim == null) {
                return Optional.empty(); // this process runs it
            }
            if (claim.isPresent()) {
                return claim;
            }
            sleep(50); // another process may be testing the lock right now (running())
        }
        return Optional.empty();
    }

    /** One attempt: the claim, empty when another process holds the lock, null when this one does. */
    private Optional<Claim> tryClaim(Path file) {
        // Under the monitor: running() of another thread must not close a descriptor of this file
        // while the lock is taken (closing one drops the process's locks on it).
        synchronized (HELD) {
            if (HELD.contains(file)) {
                return null;
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    HELD.add(file);
                    return Optional.of(new Claim(file, channel, lock));
                }
                channel.close();
                return Optional.empty();
            } catch (IOException | OverlappingFileLockException e) {
                closeQuietly(channel);
                throw new FeatureStoreException("cannot lock the ingest job record " + file + ": "
                        + e.getMessage() + " (check the permissions of " + directory + ")", e);
            }
        }
    }

    /** Writes (replaces) a job's record. */
    void write(IngestJobRecord record) {
        createDirectory();
        Path target = recordFile(record.id());
        Path temporary = directory.resolve("." + record.id() + "-" + ProcessHandle.current().pid() + ".tmp");
        try {
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(record);
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(bytes));
                // Synced: a resume trusts the checkpoint count, and its files are already synced.
                out.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new FeatureStoreException("cannot write the ingest job record " + target + ": " + e.getMessage()
                    + " (check free disk space and the permissions of " + directory + ")", e);
        }
    }

    /** The job's record with its live status, if the workspace has it. */
    Optional<IngestJobRecord> read(String id) {
        Path file = recordFile(id);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            IngestJobRecord live = withLiveStatus(JSON.readValue(file.toFile(), IngestJobRecord.class));
            if (live.status() == IngestJobRecord.Status.INTERRUPTED) {
                // The job may have ended between the read and the lock test: a job writes its last
                // record before it lets go of its lock, so a second read tells an ended job (now
                // SUCCEEDED, FAILED or CANCELLED) from one whose process ended before it did. Seen
                // in ManyProcessesOneWorkspaceIT: a finished ingest was called interrupted.
                IngestJobRecord again = JSON.readValue(file.toFile(), IngestJobRecord.class);
                if (again.status() != IngestJobRecord.Status.RUNNING) {
                    return Optional.of(again);
                }
            }
            return Optional.of(live);
        } catch (IOException e) {
            LOG.warn("Unreadable ingest job record {} skipped: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Every recorded job with its live status, newest first. */
    List<IngestJobRecord> list() {
        List<IngestJobRecord> records = new ArrayList<>();
        for (String id : ids()) {
            read(id).ifPresent(records::add);
        }
        records.sort(Comparator.comparingLong(IngestJobRecord::startedMs).reversed()
                .thenComparing(IngestJobRecord::id, Comparator.reverseOrder()));
        return records;
    }

    /** Deletes the records and locks of all but the newest {@value #KEPT_ENDED} ended jobs. */
    void forgetOldEnded() {
        List<IngestJobRecord> ended = list().stream().filter(r -> r.status().ended()).toList();
        for (IngestJobRecord r : ended.subList(Math.min(KEPT_ENDED, ended.size()), ended.size())) {
            try {
                Files.deleteIfExists(recordFile(r.id()));
                Files.deleteIfExists(lockFile(r.id()));
            } catch (IOException e) {
                LOG.debug("Could not delete the old job record {}", r.id(), e);
            }
        }
    }

    /** Whether some process holds the job's lock. */
    boolean running(String id) {
        Path lockFile = lockFile(id);
        synchronized (HELD) {
            return runningElsewhere(lockFile);
        }
    }

    private boolean runningElsewhere(Path lockFile) {
        if (HELD.contains(lockFile)) {
            return true;
        }
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this process
        } catch (IOException e) {
            LOG.debug("Could not test the lock {}", lockFile, e);
            return false;
        }
    }

    private IngestJobRecord withLiveStatus(IngestJobRecord r) {
        if (r.status() == IngestJobRecord.Status.RUNNING && !running(r.id())) {
            return r.withStatus(IngestJobRecord.Status.INTERRUPTED);
        }
        return r;
    }

    private List<String> ids() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(RECORD_SUFFIX) && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - RECORD_SUFFIX.length())).toList();
        } catch (IOException e) {
            throw new FeatureStoreException("cannot list the ingest job records in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private Path recordFile(String id) {
        return directory.resolve(id + RECORD_SUFFIX);
    }

    private Path lockFile(String id) {
        return directory.resolve(id + LOCK_SUFFIX);
    }

    private void createDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot create " + directory + " for the ingest job records: "
                    + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing held
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
