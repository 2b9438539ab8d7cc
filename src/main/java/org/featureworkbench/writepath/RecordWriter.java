package org.featureworkbench.writepath;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.featureworkbench.database.ConnectionLoss;
import org.featureworkbench.database.EngineFailures;
import org.featureworkbench.database.Retry;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.PutResult;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TypedRecord;
import org.featureworkbench.model.WriteOutcome;
import org.featureworkbench.online.OnlineStore;
import org.featureworkbench.registry.CatalogVersions;

/**
 * PutRecord, DeleteRecord and the TTL purge's removals (ADR 0010). Each write, under one lock:
 * <ol>
 *   <li>does its online change in an H2 transaction (which decides newer / older / equal, or
 *       refuses a hard delete) and checks the group's catalog version;</li>
 *   <li>moves this journal's mark in {@code FWB_JOURNAL} to the write's sequence number, in the
 *       same transaction — a compare-and-set that fails when H2 lost earlier commits, which are
 *       then replayed from the journal before the write is retried;</li>
 *   <li>appends the entry to the journal (the write survives the process from here on);</li>
 *   <li>commits, without waiting for H2 to write its file (H2's write delay).</li>
 * </ol>
 * A write refused in step 1 leaves no trace; a commit that fails after step 3 is cancelled by a
 * VOID entry. The journal, not H2, makes the write durable; the settler publishes its offline
 * rows and makes H2 durable ({@code CHECKPOINT}) before it deletes a segment. Thread-safe.
 */
final class RecordWriter implements AutoCloseable {
    /** One write at a time: puts, deletes, purges and the settler's barrier. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Test hook: runs between the journal append and the commit ({@code WriteEngineFailureTest}). */
    static volatile Runnable beforeCommit = () -> { };
    /** Replays one write may need: one for lost commits, more only if the database keeps changing hands. */
    private static final int MAX_REPAIRS = 3;
    private final DataSource dataSource;
    private final RecordJournal journal;
    private final OnlineStore onlineStore;
    private final OnlineReplay replay;
    private final Clock clock;
    private Connection connection;
    /**
     * The definition each group had at this process's last write to it, by name: lets the settler
     * publish rows acknowledged just before another process deleted the group (ADR 0017).
     */
    private final ConcurrentMap<String, FeatureGroup> written = new ConcurrentHashMap<>();
    /** The last sequence number whose online transaction committed: the mark {@code FWB_JOURNAL} must hold. */
    private long committedSeq;
    /** Where a replay of lost commits starts: the mark, or the last disk barrier when the mark may be torn. */
    private final ReplayStart replayStart;

    RecordWriter(DataSource dataSource, RecordJournal journal, OnlineStore onlineStore, OnlineReplay replay,
                 Clock clock) {
        this.dataSource = dataSource;
        this.journal = journal;
        this.onlineStore = onlineStore;
        this.replay = replay;
        this.clock = clock;
        this.replayStart = new ReplayStart(dataSource, journal);
        lock.lock();
        try {
            Retry.onLostConnection(() -> {
                try {
                    Connection c = connection();
                    JournalProgress.createTable(c);
                    // Not made durable: a mark lost in a crash reads as 0, which is what it says.
                    JournalProgress.set(c, journal.id(), 0);
                    c.commit();
                    return null;
                } catch (SQLException e) {
                    discardConnection();
                    throw e;
                }
            });
        } catch (SQLException e) {
            throw new FeatureStoreException("could not prepare the record journal: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** A write's database work; returns what the caller gets, and whether (and what) to journal. */
    @FunctionalInterface
    private interface Work<T> {
        Journaled<T> run(Connection c) throws SQLException;
    }

    /**
     * @param result  what the write returns
     * @param entry   builds the journal entry from its sequence number; null when there is
     *                nothing to journal (a purge that found the record renewed)
     * @param online  whether the transaction changed the online store (and so moves the mark)
     */
    private record Journaled<T>(T result, LongFunction<JournalEntry> entry, boolean online) {
    }

    /**
     * @param catalogVersion the catalog version {@code group} was read at, checked inside the
     *                       transaction ({@link CatalogVersions}); {@link WritePath#ANY_VERSION} skips the check
     */
    PutResult put(FeatureGroup group, long catalogVersion, Record record, Set<TargetStore> targets,
                  TtlDuration recordTtl) {
        TargetStoreCheck.require(group, targets);
        TypedRecord typed = RecordValidator.validate(group, record);
        long invoked = clock.millis();
        boolean online = targets.contains(TargetStore.ONLINE_STORE);
        boolean offline = targets.contains(TargetStore.OFFLINE_STORE);
        Instant expiresAt = typed.expiresAt(group.definition(), recordTtl);
        long expiresMs = expiresAt == null ? JournalEntry.NEVER : expiresAt.toEpochMilli();
        return write(c -> {
            WriteOutcome outcome = online
                    ? onlineStore.put(c, group, typed, expiresAt, Instant.ofEpochMilli(invoked)) : null;
            // Older versions are history: they go offline even when the online row is newer.
            return new Journaled<>(new PutResult(outcome, offline), seq -> JournalEntry.put(seq, group.name(),
                    group.creationTime().getEpochSecond(), invoked, online, offline, typed.eventTime().toEpochMilli(),
                    expiresMs, typed.values()), online);
        }, group, catalogVersion);
    }

    /** @return whether the online store had a readable record that this delete removed or hid */
    boolean delete(FeatureGroup group, long catalogVersion, String recordId, Instant eventTime, DeletionMode mode,
                   Set<TargetStore> targets) {
        TargetStoreCheck.require(group, targets);
        RecordValidator.parseRecordIdentifier(group.definition(), recordId);
        long invoked = clock.millis();
        boolean online = targets.contains(TargetStore.ONLINE_STORE);
        boolean offline = targets.contains(TargetStore.OFFLINE_STORE);
        JournalEntry.Kind kind = mode == DeletionMode.HARD_DELETE
                ? JournalEntry.Kind.HARD_DELETE : JournalEntry.Kind.SOFT_DELETE;
        return write(c -> {
            boolean changed = false;
            if (online) {
                changed = mode == DeletionMode.HARD_DELETE
                        ? onlineStore.hardDelete(c, group, recordId, eventTime)
                        : onlineStore.softDelete(c, group, recordId, eventTime, Instant.ofEpochMilli(invoked))
                                .onlineChanged();
            }
            return new Journaled<>(changed, seq -> JournalEntry.delete(seq, kind, group.name(),
                    group.creationTime().getEpochSecond(), invoked, online, offline, eventTime.toEpochMilli(),
                    recordId), online);
        }, group, catalogVersion);
    }

    /**
     * The TTL purge of one record: removes it if it is still expired at {@code now} and no other
     * transaction holds its row (then it is left for a later purge: this runs under the writer
     * lock that puts and deletes wait for), and journals a delete marker at its expiry (when the
     * group has an offline store).
     *
     * @return whether it was removed
     */
    boolean purge(FeatureGroup group, String recordId, Instant expiresAt, Instant now) {
        boolean offline = group.definition().offlineStore().enabled();
        return write(c -> {
            // Never waits for a row lock while holding the writer: a put or delete would wait behind it.
            boolean gone = onlineStore.purgeExpiredUnlessLocked(c, group, recordId, now);
            return new Journaled<>(gone, !gone ? null : seq -> JournalEntry.delete(seq, JournalEntry.Kind.PURGE,
                    group.name(), group.creationTime().getEpochSecond(), now.toEpochMilli(), true, offline,
                    expiresAt.toEpochMilli(), recordId), gone);
        }, group, WritePath.ANY_VERSION);
    }

    /** Whether a put, delete or settle is waiting for the writer lock (the TTL purge steps aside for it). */
    boolean commandsWaiting() {
        return lock.hasQueuedThreads();
    }

    /** The group as this process last wrote it, if it had this creation time (epoch seconds). */
    Optional<FeatureGroup> writtenGroup(String name, long created) {
        return Optional.ofNullable(written.get(name)).filter(g -> g.creationTime().getEpochSecond() == created);
    }

    private <T> T write(Work<T> work, FeatureGroup group, long catalogVersion) {
        written.put(group.name(), group);
        String groupName = group.name();
        lock.lock();
        try {
            // The process serving the database may exit mid-write: the transaction was rolled back and
            // its journal entry voided, so the write is simply done again (ADR 0016). So is a write the
            // engine failed internally: around a hand-over H2 2.5.252 sometimes reports "Transaction 2
            // has status ROLLED_BACK, not OPEN" (bench processes, in builds before and after ADR 0010's
            // addendum of 2026-12-05); the failed try was rolled back and voided the same way.
            return EngineFailures.retry("writing to " + groupName,
                    () -> Retry.onLostConnection(() -> attemptOnLiveConnection(work, groupName, catalogVersion)));
        } catch (SQLException e) {
            throw new FeatureStoreException("the workspace database failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** One try, after replaying lost commits if H2 lost some; a failed connection is dropped for the next try. */
    private <T> T attemptOnLiveConnection(Work<T> work, String groupName, long catalogVersion) throws SQLException {
        try {
            for (int repairs = 0; ; repairs++) {
                try {
                    return attempt(work, groupName, catalogVersion);
                } catch (LostCommitsException lost) {
                    if (repairs == MAX_REPAIRS) {
                        throw new FeatureStoreException("the workspace database changed hands " + MAX_REPAIRS
                                + " times during one write; nothing was written — run the command again");
                    }
                    repairLostCommits();
                }
            }
        } catch (SQLException | RuntimeException | Error e) {
            if (e instanceof Error || ConnectionLoss.mayHaveBroken(e)) {
                // The connection may be dead (its AUTO_SERVER owner went away): the next try opens a new one.
                discardConnection();
            }
            throw e;
        }
    }

    /**
     * One try of a write. The catalog version is checked last in the transaction, after the online
     * write: see {@link #checkVersion}. For an online write it rides in the mark's compare-and-set
     * (one statement less per put); only when that matches nothing is it checked alone, to tell a
     * stale definition from lost commits.
     */
    private <T> T attempt(Work<T> work, String groupName, long catalogVersion) throws SQLException {
        Connection c = connection();
        if (replayStart.changedHands()) {
            // The database changed hands since this writer's last replay or barrier: its mark may be
            // torn (ADR 0010, addendum of 2026-12-05), so replay before writing on. Nothing done yet.
            throw new LostCommitsException();
        }
        long seq = 0;
        boolean appended = false;
        Journaled<T> done;
        try {
            done = work.run(c);
            if (done.entry() == null) {
                checkVersion(c, groupName, catalogVersion);
                c.commit();
                return done.result();
            }
            seq = journal.takeSeq();
            if (!done.online()) {
                checkVersion(c, groupName, catalogVersion);
            } else if (!advanceMark(c, seq, groupName, catalogVersion)) {
                checkVersion(c, groupName, catalogVersion);
                throw new LostCommitsException();
            }
            append(done.entry().apply(seq));
            appended = true;
            beforeCommit.run();
            c.commit();
            if (done.online()) {
                committedSeq = seq;
            }
        } catch (SQLException | RuntimeException | Error e) {
            // Error too: H2 sometimes fails internally with an AssertionError, which is retried.
            rollbackQuietly(c);
            if (appended) {
                // Journaled but not committed: cancel it, or the settler would publish it offline.
                // Sealing waits until here, so the VOID lands in the same segment as the entry it cancels.
                appendQuietly(JournalEntry.voiding(journal.takeSeq(), seq));
            }
            throw e;
        }
        // Only after the commit: a failure to seal must not turn an acknowledged write into a
        // reported failure (or a reported failure into a surviving write).
        sealIfFull();
        return done.result();
    }

    private void sealIfFull() {
        try {
            journal.sealIfFull();
        } catch (IOException e) {
            // The write is committed and journaled; the segment grows on and is sealed at the next try.
            org.slf4j.LoggerFactory.getLogger(RecordWriter.class).warn("Could not seal a full journal segment: {}",
                    e.getMessage());
        }
    }

    /**
     * H2 lost commits this journal acknowledged (the process serving the database died within its
     * write delay): re-applies them from the journal and makes them durable.
     */
    private void repairLostCommits() throws SQLException {
        Connection c = connection();
        long seen = replayStart.handOversNow();
        long applied = replayStart.after(JournalProgress.applied(c, journal.id()), seen);
        List<JournalEntry> entries = new ArrayList<>();
        try {
            for (var segment : journal.allSegments()) {
                entries.addAll(JournalSegments.read(segment));
            }
        } catch (IOException e) {
            throw new FeatureStoreException("could not read the record journal to repair the online store: "
                    + e.getMessage(), e);
        }
        replay.replay(c, journal.id(), entries, applied, committedSeq);
        JournalProgress.set(c, journal.id(), committedSeq);
        c.commit();
        if (JournalProgress.checkpoint(c)) {
            replayStart.madeDurable(committedSeq, seen);
        }
    }

    /**
     * Makes every online change of this journal durable in the database file, replaying any that
     * the database lost. The settler calls it before it deletes segments.
     */
    void makeOnlineDurable() {
        lock.lock();
        try {
            Retry.onLostConnection(() -> {
                try {
                    Connection c = connection();
                    long seen = replayStart.handOversNow();
                    if (replayStart.changedHands() || JournalProgress.applied(c, journal.id()) != committedSeq) {
                        c.rollback();
                        repairLostCommits();
                    } else {
                        c.rollback();
                        if (JournalProgress.checkpoint(c)) {
                            replayStart.madeDurable(committedSeq, seen);
                        }
                    }
                    return null;
                } catch (SQLException | RuntimeException e) {
                    discardConnection();
                    throw e;
                }
            });
        } catch (SQLException e) {
            discardConnection();
            throw new FeatureStoreException("the workspace database failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Seals the current segment when it holds offline rows that are due; returns the sealed segments. */
    List<java.nio.file.Path> sealIfDue(long maxRows, long maxAgeMs) {
        lock.lock();
        try {
            long rows = journal.currentOfflineRows();
            boolean due = rows > 0 && (rows >= maxRows || clock.millis() - journal.oldestInCurrentMs() >= maxAgeMs);
            if (due || (maxRows == 0 && !journal.empty())) {
                journal.seal();
            }
            return journal.sealedSegments();
        } catch (IOException e) {
            throw new FeatureStoreException("could not seal the record journal: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Notes that the settler published a sealed segment's offline rows. */
    void published(java.nio.file.Path segment) {
        lock.lock();
        try {
            journal.published(segment);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the online changes of every published segment durable and deletes those segments.
     *
     * @return how many segments were deleted
     */
    int settlePublished() {
        lock.lock();
        try {
            List<java.nio.file.Path> segments = journal.publishedSegments();
            if (segments.isEmpty()) {
                return 0;
            }
            makeOnlineDurable();
            for (java.nio.file.Path segment : segments) {
                journal.settled(segment);
            }
            return segments.size();
        } catch (IOException e) {
            throw new FeatureStoreException("could not delete a settled journal segment: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    long pendingRows(String groupName) {
        lock.lock();
        try {
            return journal.pendingRows(groupName);
        } finally {
            lock.unlock();
        }
    }

    /** Offline rows of every group this process wrote and has not published yet. */
    long pendingRows() {
        lock.lock();
        try {
            return journal.pendingRows();
        } finally {
            lock.unlock();
        }
    }

    String journalId() {
        return journal.id();
    }

    /** Closes the journal (deleting it when everything was settled) and the connection. */
    @Override
    public void close() {
        lock.lock();
        try {
            boolean discard = journal.empty();
            if (discard && connection != null) {
                try {
                    JournalProgress.delete(connection, journal.id());
                    connection.commit();
                } catch (SQLException e) {
                    // A leftover row is harmless: no journal folder refers to it.
                }
            }
            journal.close(discard);
            discardConnection();
        } finally {
            lock.unlock();
        }
    }

    private void append(JournalEntry entry) {
        try {
            journal.append(entry);
        } catch (IOException e) {
            throw new FeatureStoreException("could not write the record journal in " + journal.id()
                    + " (" + e.getMessage() + "); nothing was written — check free disk space", e);
        }
    }

    private void appendQuietly(JournalEntry entry) {
        try {
            journal.append(entry);
        } catch (IOException | RuntimeException ignored) {
            // Nothing more can be done; ADR 0010 names this window.
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = StatementCachingConnection.wrap(dataSource.getConnection());
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void discardConnection() {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being thrown away
            }
            connection = null;
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the caller reports the original failure
        }
    }

    /** Thrown inside a write when the journal's mark in H2 is not where this process left it. */
    private static final class LostCommitsException extends RuntimeException {
        LostCommitsException() {
            super(null, null, false, false);
        }
    }

    /**
     * Last in the transaction, before its commit: a definition from a cache must still be the
     * catalog's, so a put never commits into the table of a deleted group nor overwrites a row
     * without a feature another process added (the transaction is rolled back and the facade
     * retries with the new definition). Checked after the online write, not before, because that
     * write holds the table's shared lock: a catalog change not seen here is followed by DDL
     * (ADD COLUMN, DROP TABLE) that must wait for this commit, so it is ordered after this write.
     */
    private static void checkVersion(Connection c, String groupName, long catalogVersion) throws SQLException {
        if (catalogVersion != WritePath.ANY_VERSION) {
            CatalogVersions.require(c, groupName, catalogVersion);
        }
    }

    private boolean advanceMark(Connection c, long seq, String groupName, long catalogVersion) throws SQLException {
        return catalogVersion == WritePath.ANY_VERSION
                ? JournalProgress.advance(c, journal.id(), committedSeq, seq)
                : JournalProgress.advanceIfCurrent(c, journal.id(), committedSeq, seq, groupName, catalogVersion);
    }
}
