package org.featureworkbench.writepath;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.featureworkbench.database.ProcessInfo;

/**
 * This process's record journal (ADR 0010): the folder {@code <workspace>/journal/<id>/} of
 * numbered segment files, and beside it {@code <id>.lock}, which the process holds locked while
 * it lives. Every acknowledged PutRecord/DeleteRecord (and TTL purge) is appended here before
 * it returns; the settler later publishes a sealed segment's offline rows and deletes it.
 * A journal whose lock file can be locked belongs to a dead process and is settled by whoever
 * locks it ({@link #claimDead}).
 *
 * <p>Not thread-safe: the {@link RecordWriter} calls it under its write lock.
 */
final class RecordJournal implements AutoCloseable {
    static final String FOLDER = "journal";
    /** Seal the current segment after this many entries, so one settle holds a bounded number in memory. */
    static final int SEGMENT_ENTRIES = 50_000;
    /** … or this many bytes. */
    static final long SEGMENT_BYTES = 32L * 1024 * 1024;
    private static final String LOCK_SUFFIX = ".lock";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** In-JVM half of the registry lock (a FileLock guards only against other processes). */
    private static final Object REGISTRY_GUARD = new Object();

    private final String id;
    private final Path directory;
    private final OwnerLock owner;
    private final JournalCodec.Encoder encoder = new JournalCodec.Encoder();
    /** Offline rows per group, per segment not yet published (the current one included). */
    private final TreeMap<Integer, Map<String, Long>> pendingBySegment = new TreeMap<>();
    /** Segments whose offline rows are published, kept until their online changes are durable in H2. */
    private final TreeSet<Integer> published = new TreeSet<>();
    private FileChannel current;
    private int currentNumber;
    private int currentEntries;
    private long currentBytes;
    private long oldestInCurrentMs = Long.MAX_VALUE;
    private long nextSeq = 1;

    private RecordJournal(String id, Path directory, OwnerLock owner) {
        this.id = id;
        this.directory = directory;
        this.owner = owner;
    }

    /** Creates and locks a fresh journal under {@code <workspace>/journal}. */
    static RecordJournal create(Path workspace) throws IOException {
        Path root = workspace.resolve(FOLDER);
        Files.createDirectories(root);
        String id = newId();
        OwnerLock lock = withRegistryLock(root, () -> {
            OwnerLock l = OwnerLock.acquire(root.resolve(id + LOCK_SUFFIX));
            Files.createDirectories(root.resolve(id));
            // Who holds the lock, so waiting processes can name it (ADR 0016).
            ProcessInfo.current().writeTo(root.resolve(id + ProcessInfo.SUFFIX));
            return l;
        });
        RecordJournal journal = new RecordJournal(id, root.resolve(id), lock);
        journal.openSegment(1);
        return journal;
    }

    String id() {
        return id;
    }

    /** Records that every online change up to {@code seq} is in the database file ({@link DurablePoint}). */
    void noteDurable(long seq) {
        DurablePoint.write(directory, seq);
    }

    /** The sequence number the next entry gets; numbers are taken even if the entry is then not written. */
    long takeSeq() {
        return nextSeq++;
    }

    /** Appends the entry to the current segment: when this returns, the entry survives the process dying. */
    void append(JournalEntry entry) throws IOException {
        encoder.encode(entry);
        ByteBuffer bytes = encoder.pending();
        int length = bytes.remaining();
        long before = current.position();
        try {
            while (bytes.hasRemaining()) {
                current.write(bytes);
            }
        } catch (IOException e) {
            // A partly written frame would end the segment for readers and hide every later entry:
            // cut it off, or, if even that fails, go on in a fresh segment. Names it defined are
            // forgotten too (later entries define them again; the reader takes the last definition).
            encoder.startSegment();
            try {
                current.truncate(before);
                current.position(before);
            } catch (IOException cut) {
                e.addSuppressed(cut);
                current.close();
                openSegment(currentNumber + 1);
            }
            throw e;
        } finally {
            encoder.clear();
        }
        currentBytes += length;
        currentEntries++;
        if (entry.offline() && entry.kind() != JournalEntry.Kind.VOID) {
            pendingBySegment.get(currentNumber).merge(entry.groupName(), 1L, Long::sum);
            oldestInCurrentMs = Math.min(oldestInCurrentMs, System.currentTimeMillis());
        }
    }

    /**
     * Seals the current segment once it holds {@link #SEGMENT_ENTRIES} entries or
     * {@link #SEGMENT_BYTES}. Called after a write is committed, never inside {@link #append}:
     * a write that fails after its append is cancelled by a VOID entry, which must land in the
     * same segment (a reader applies VOIDs within one segment).
     */
    void sealIfFull() throws IOException {
        if (currentEntries >= SEGMENT_ENTRIES || currentBytes >= SEGMENT_BYTES) {
            seal();
        }
    }

    /** Offline rows in the current segment. */
    long currentOfflineRows() {
        return pendingBySegment.get(currentNumber).values().stream().mapToLong(Long::longValue).sum();
    }

    /** When the current segment's first offline row was appended (epoch ms), or {@link Long#MAX_VALUE}. */
    long oldestInCurrentMs() {
        return oldestInCurrentMs;
    }

    /** Closes the current segment, if it holds anything, and starts the next one. */
    void seal() throws IOException {
        if (currentEntries == 0) {
            return;
        }
        current.close();
        openSegment(currentNumber + 1);
    }

    /** Sealed segments not yet published, oldest first. */
    List<Path> sealedSegments() {
        List<Path> sealed = new ArrayList<>();
        for (int n : pendingBySegment.keySet()) {
            if (n != currentNumber) {
                sealed.add(JournalSegments.path(directory, n));
            }
        }
        return sealed;
    }

    /** Every segment file not deleted yet, the current one included (for replaying lost online commits). */
    List<Path> allSegments() {
        TreeSet<Integer> numbers = new TreeSet<>(published);
        numbers.addAll(pendingBySegment.keySet());
        return numbers.stream().map(n -> JournalSegments.path(directory, n)).toList();
    }

    /** Marks a sealed segment's offline rows as published; it stays until {@link #settled}. */
    void published(Path segment) {
        int number = JournalSegments.number(segment);
        if (number == currentNumber) {
            throw new IllegalStateException("the current segment cannot be published");
        }
        pendingBySegment.remove(number);
        published.add(number);
    }

    /** Published segments, oldest first: deletable once their online changes are durable. */
    List<Path> publishedSegments() {
        return published.stream().map(n -> JournalSegments.path(directory, n)).toList();
    }

    /** Deletes a published segment whose online changes are durable in H2. */
    void settled(Path segment) throws IOException {
        int number = JournalSegments.number(segment);
        if (!published.contains(number)) {
            throw new IllegalStateException("segment " + number + " is not published");
        }
        Files.deleteIfExists(segment);
        published.remove(number);
    }

    /** Offline rows of the group appended and not yet published. */
    long pendingRows(String groupName) {
        long rows = 0;
        for (Map<String, Long> perGroup : pendingBySegment.values()) {
            rows += perGroup.getOrDefault(groupName, 0L);
        }
        return rows;
    }

    /** Offline rows of every group appended and not yet published. */
    long pendingRows() {
        long rows = 0;
        for (Map<String, Long> perGroup : pendingBySegment.values()) {
            for (long n : perGroup.values()) {
                rows += n;
            }
        }
        return rows;
    }

    /** Whether nothing is left to settle (the current segment is empty, nothing else remains). */
    boolean empty() {
        return currentEntries == 0 && pendingBySegment.size() == 1 && published.isEmpty();
    }

    /** Closes the journal; deletes its files when {@code discard} (everything was settled). */
    @Override
    public void close() {
        close(false);
    }

    void close(boolean discard) {
        try {
            current.close();
            if (discard) {
                for (Path p : JournalSegments.list(directory)) {
                    Files.deleteIfExists(p);
                }
                DurablePoint.delete(directory);
                Files.deleteIfExists(directory);
            }
        } catch (IOException e) {
            // Left for the next process to find: a journal with no owner is settled like a dead one.
        } finally {
            owner.release(discard);
        }
    }

    private void openSegment(int number) throws IOException {
        current = FileChannel.open(JournalSegments.path(directory, number), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        currentNumber = number;
        currentEntries = 0;
        currentBytes = 0;
        oldestInCurrentMs = Long.MAX_VALUE;
        pendingBySegment.put(number, new HashMap<>());
        encoder.startSegment();
    }

    /**
     * Locks and returns the journals of processes that are gone (their lock file could be locked),
     * except {@code selfId}. The caller settles and then {@link DeadJournal#delete}s or
     * {@link DeadJournal#release}s each.
     */
    static List<DeadJournal> claimDead(Path workspace, String selfId) throws IOException {
        Path root = workspace.resolve(FOLDER);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        return withRegistryLock(root, () -> {
            List<DeadJournal> dead = new ArrayList<>();
            try (Stream<Path> files = Files.list(root)) {
                for (Path lockFile : files.filter(p -> p.getFileName().toString().endsWith(LOCK_SUFFIX)).sorted().toList()) {
                    String name = lockFile.getFileName().toString();
                    String journalId = name.substring(0, name.length() - LOCK_SUFFIX.length());
                    if (journalId.equals(selfId)) {
                        continue;
                    }
                    OwnerLock lock = OwnerLock.tryAcquire(lockFile);
                    if (lock != null) {
                        dead.add(new DeadJournal(journalId, root.resolve(journalId), lock));
                    }
                }
            }
            return dead;
        });
    }

    /**
     * Journals whose owner is dead (its info file names a process that no longer runs) but whose
     * lock another process holds: that process is settling them right now.
     */
    static List<String> settlingElsewhere(Path workspace) {
        Path root = workspace.resolve(FOLDER);
        List<String> settling = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return settling;
        }
        try (Stream<Path> files = Files.list(root)) {
            for (Path info : files.filter(p -> p.getFileName().toString().endsWith(ProcessInfo.SUFFIX)).toList()) {
                String name = info.getFileName().toString();
                String journalId = name.substring(0, name.length() - ProcessInfo.SUFFIX.length());
                ProcessInfo owner = ProcessInfo.read(info);
                if (owner != null && !owner.alive() && Files.exists(root.resolve(journalId + LOCK_SUFFIX))) {
                    settling.add(journalId);
                }
            }
        } catch (IOException e) {
            // Nothing to wait for that can be seen.
        }
        return settling;
    }

    /**
     * The journals of other living processes (their lock file is held), except {@code selfId}.
     * Journals of other stores in this JVM count as living.
     */
    static List<String> liveIds(Path workspace, String selfId) throws IOException {
        Path root = workspace.resolve(FOLDER);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> live = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path lockFile : files.filter(p -> p.getFileName().toString().endsWith(LOCK_SUFFIX)).sorted().toList()) {
                String name = lockFile.getFileName().toString();
                String journalId = name.substring(0, name.length() - LOCK_SUFFIX.length());
                if (!journalId.equals(selfId) && alive(workspace, journalId)) {
                    live.add(journalId);
                }
            }
        }
        return live;
    }

    /**
     * Whether the journal's lock file exists and is held: by its living process, or by a process
     * settling it after its owner died (then it disappears once settled).
     */
    static boolean alive(Path workspace, String journalId) throws IOException {
        Path lockFile = workspace.resolve(FOLDER).resolve(journalId + LOCK_SUFFIX);
        if (!Files.exists(lockFile)) {
            return false;
        }
        OwnerLock lock = OwnerLock.tryAcquire(lockFile);
        if (lock == null) {
            return Files.exists(lockFile);
        }
        lock.release(false);
        return false;
    }

    /** Who owns a journal, for messages ("process 1234 (ingest customers data.csv)"). */
    static String owner(Path workspace, String journalId) {
        ProcessInfo info = ProcessInfo.read(workspace.resolve(FOLDER).resolve(journalId + ProcessInfo.SUFFIX));
        return info != null ? info.describe() : "the process of journal " + journalId;
    }

    /** A dead process's journal, locked by this process while it settles it. */
    record DeadJournal(String id, Path directory, OwnerLock lock) {
        List<Path> segments() throws IOException {
            return JournalSegments.list(directory);
        }

        /** Everything is settled: removes the folder and the lock file. */
        void delete() throws IOException {
            for (Path p : segments()) {
                Files.deleteIfExists(p);
            }
            DurablePoint.delete(directory);
            Files.deleteIfExists(directory);
            lock.release(true);
        }

        /** Settling failed: lets a later try (here or in another process) take it again. */
        void release() {
            lock.release(false);
        }
    }

    /** An exclusive lock on a journal's lock file, held by the journal's owner (or its settler). */
    static final class OwnerLock {
        /**
         * Lock files this JVM holds. Checked before a channel is opened: on POSIX systems closing
         * any channel of a file drops every lock the process holds on it, so probing a file this
         * JVM holds (another store's journal, or a dead journal this process is settling) would
         * silently hand it to other processes.
         */
        private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;

        private OwnerLock(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        static OwnerLock acquire(Path file) throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            OwnerLock lock = new OwnerLock(file, channel, channel.lock());
            HELD.add(key(file));
            return lock;
        }

        private static Path key(Path file) {
            return file.toAbsolutePath().normalize();
        }

        /** The lock, or null when another process (or another store in this JVM) holds it. */
        static synchronized OwnerLock tryAcquire(Path file) throws IOException {
            if (HELD.contains(key(file))) {
                return null; // this JVM holds it: alive, and must not be probed (see HELD)
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
            } catch (java.nio.file.NoSuchFileException gone) {
                return null;
            }
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    HELD.add(key(file));
                    return new OwnerLock(file, channel, lock);
                }
            } catch (OverlappingFileLockException heldInThisJvm) {
                // another store of this process owns it: alive
            }
            channel.close();
            return null;
        }

        void release(boolean deleteFile) {
            try {
                if (deleteFile) {
                    // Deleted while still locked, so no other process can take an empty journal for a dead one.
                    String name = file.getFileName().toString();
                    Files.deleteIfExists(file.resolveSibling(name.substring(0, name.length() - LOCK_SUFFIX.length())
                            + ProcessInfo.SUFFIX));
                    Files.deleteIfExists(file);
                }
                lock.release();
                channel.close();
            } catch (IOException e) {
                // The file stays; a later claim finds an empty journal and removes it.
            } finally {
                HELD.remove(key(file));
            }
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** Runs {@code work} while no other process or store creates or claims journals in {@code root}. */
    private static <T> T withRegistryLock(Path root, IoSupplier<T> work) throws IOException {
        synchronized (REGISTRY_GUARD) {
            try (FileChannel channel = FileChannel.open(root.resolve(".registry"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                return work.get();
            }
        }
    }

    private static String newId() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }
}
