package org.featureworkbench.writepath;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.featureworkbench.database.Retry;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FlushResult;
import org.featureworkbench.model.PutResult;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.offline.OfflineStore;
import org.featureworkbench.online.OnlineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable write path (ADR 0010): PutRecord / DeleteRecord change the online store and append
 * to this process's record journal before they return; a background tick settles the journal
 * (publishes its offline rows as Parquet on size or age, makes H2 durable), finishes journals of
 * ended processes, and purges expired online records; flush on demand and on close.
 *
 * <p>Thread-safe. {@link #start} begins the background tick; {@link #close} stops it and settles
 * what is pending, so a clean exit leaves no journal behind.
 */
public final class WritePath implements AutoCloseable {
    /** Flush once this many offline rows wait. */
    public static final long FLUSH_ROWS = 10_000;
    /** Flush once the oldest waiting offline row is this old. */
    public static final Duration FLUSH_AGE = Duration.ofSeconds(5);
    /** A catalog version meaning "the caller read the group just now; do not check it". */
    public static final long ANY_VERSION = Long.MIN_VALUE;

    /**
     * Whether the workspace holds the record journal of a process that ended without settling it
     * (killed, or crashed). Claims nothing: every journal found is released again at once.
     *
     * @throws FeatureStoreException when the journal folder cannot be read
     */
    public static boolean hasJournalsOfEndedProcesses(Path workspace) {
        try {
            List<RecordJournal.DeadJournal> dead = RecordJournal.claimDead(workspace, "");
            dead.forEach(RecordJournal.DeadJournal::release);
            return !dead.isEmpty();
        } catch (IOException e) {
            throw new FeatureStoreException("could not look for journals of ended processes in " + workspace + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether another living process has the workspace open (holds its record journal's lock).
     * A process that opens the database file after its previous owner ended may still share the
     * workspace with that owner's clients: their unpublished temporary files are not leftovers.
     */
    public static boolean otherProcessesAlive(Path workspace) {
        try {
            return !RecordJournal.liveIds(workspace, "").isEmpty();
        } catch (IOException e) {
            // Unsure: assume someone may be writing, so nothing of theirs is deleted.
            return true;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(WritePath.class);

    /** How long a workspace-wide operation waits for the other processes to publish their rows. */
    static final Duration SETTLE_WAIT = Duration.ofSeconds(30);
    /** Most expired records one tick purges: the rest wait for the next tick (ADR 0017). */
    static final int PURGE_PER_TICK = 500;
    /**
     * The background purge starts this long after the write path: a short command (get, delete,
     * a put) is over by then and never pays for purging, nor for publishing the purge's delete
     * markers when it closes; long-lived processes (GUI, servers, long ingests) purge (ADR 0017).
     * {@code -Dfwb.purgeStartDelayMs} changes it for tests that kill a process inside the purge.
     */
    static final Duration PURGE_START_DELAY = Duration.ofMillis(Long.getLong("fwb.purgeStartDelayMs", 5_000));

    /**
     * Most expired records a closing process purges (see {@link #purgeBeforeExit}); 0 turns it
     * off ({@code -Dfwb.purgeAtClose}). Measured on the shared 2-core box (ExpiryOnShortCommandsTest,
     * with a 250 ms cap): 0.4–5 ms a record (47–200 records in 250 ms, noisy), and 50–150 ms more
     * for publishing their delete markers in the closing flush; a close purging nothing took
     * ~110 ms, one purging its full share ~650 ms. Hence the time cap of 100 ms: a command's exit
     * grows by at most ~0.25 s, only while expired rows remain.
     */
    static final int PURGE_AT_CLOSE = Integer.getInteger("fwb.purgeAtClose", 200);
    /** Time cap of the purge at close, whatever the count (checked before each record). */
    static final Duration PURGE_AT_CLOSE_TIME = Duration.ofMillis(100);

    private final Path workspace;
    private final DataSource dataSource;
    private final RecordWriter writer;
    private final JournalSettler settler;
    private final TtlPurger purger;
    private ScheduledExecutorService ticker;
    private ScheduledExecutorService requestPoller;
    /** Set by {@link #close}: a running purge stops at its next record instead of delaying the exit. */
    private volatile boolean closing;
    private final long createdNanos = System.nanoTime();

    /**
     * @param workspace  the workspace folder (the journal lives in its {@code journal} folder)
     * @param groups     looks a group up by name (the catalog)
     * @param allGroups  lists every group, for the TTL purge
     */
    public WritePath(Path workspace, DataSource dataSource, OnlineStore onlineStore, OfflineStore offlineStore,
                     Function<String, Optional<FeatureGroup>> groups, Supplier<List<FeatureGroup>> allGroups,
                     Clock clock) {
        this.workspace = workspace;
        this.dataSource = dataSource;
        RecordJournal journal;
        try {
            journal = RecordJournal.create(workspace);
        } catch (IOException e) {
            throw new FeatureStoreException("could not create the record journal in " + workspace.resolve(
                    RecordJournal.FOLDER) + ": " + e.getMessage() + " (check the folder's permissions)", e);
        }
        OnlineReplay replay = new OnlineReplay(onlineStore, groups);
        this.writer = new RecordWriter(dataSource, journal, onlineStore, replay, clock);
        this.settler = new JournalSettler(workspace, dataSource, writer, offlineStore, replay, groups, clock);
        this.purger = new TtlPurger(writer, onlineStore, allGroups, clock);
    }

    /**
     * Settles the journals of processes that ended without closing the workspace, and waits for
     * those another process is settling at this moment, so that the first read or write of this
     * process sees what the ended processes acknowledged (ADR 0016). Says through {@code notices}
     * when it waits.
     */
    public void settleEndedProcesses(java.util.function.Consumer<String> notices) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        boolean told = false;
        while (true) {
            settler.settleEndedProcesses();
            List<String> settling = RecordJournal.settlingElsewhere(workspace);
            if (settling.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new FeatureStoreException("another process has been finishing the journal(s) " + settling
                        + " of an ended process for two minutes; try again once it is done");
            }
            if (!told) {
                notices.accept("waiting for another process to finish the record journal of an ended process ("
                        + String.join(", ", settling) + ")");
                told = true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FeatureStoreException("interrupted while waiting for a journal to be finished");
            }
        }
    }

    /** Starts the background tick (settle due rows and ended processes' journals, purge expired records). */
    public synchronized void start(Duration interval) {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "offline-flusher");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        // Apart from the tick, so a long settle or purge never delays another process's
        // workspace-wide operation by more than one settle.
        requestPoller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "settle-requests");
            t.setDaemon(true);
            return t;
        });
        requestPoller.scheduleWithFixedDelay(this::answerSettleRequests, SettleRequests.POLL_MS,
                SettleRequests.POLL_MS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            settler.settle(FLUSH_ROWS, FLUSH_AGE, true);
            // Bounded, and it steps aside for any put or delete waiting for the writer: expiry
            // work never stalls a command (issue 12, finding 7).
            if (System.nanoTime() - createdNanos >= PURGE_START_DELAY.toNanos()) {
                purger.purgeExpired(PURGE_PER_TICK, () -> !closing && !writer.commandsWaiting());
            }
        } catch (RuntimeException e) {
            // Logged, and retried on the next tick: the journal keeps the rows meanwhile.
            LOG.error("Background flush failed; will retry", e);
        }
    }

    /** Publishes this process's pending rows when another process asked for them (ADR 0017). */
    private void answerSettleRequests() {
        try {
            List<SettleRequests.Request> open = SettleRequests.unanswered(workspace, writer.journalId());
            if (open.isEmpty()) {
                return;
            }
            settler.settle(0, Duration.ZERO, false);
            for (SettleRequests.Request request : open) {
                SettleRequests.answer(workspace, request, writer.journalId());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not answer another process's request to publish pending rows; will retry", e);
        }
    }

    /**
     * Runs a workspace-wide operation on one group (compaction, group deletion) so that it acts on
     * every acknowledged row of every process (ADR 0017): takes the group's workspace lock, which
     * every process sees (waiting, and telling {@code waiting} for whom, while another holds it);
     * has every other living process publish its pending rows, and waits for them (at most
     * {@link #SETTLE_WAIT}); settles this process's journal and those of ended processes; then
     * runs {@code work} under the lock.
     *
     * @param operation what is done, for messages and the lock's holder file ("compact customers")
     * @param waiting   told, in words for a user, whenever the operation has to wait for another process
     * @throws FeatureStoreException when another process did not publish in time (nothing done)
     */
    public <T> T workspaceWide(FeatureGroup group, String operation, java.util.function.Consumer<String> waiting,
                               Supplier<T> work) {
        try (WorkspaceLock ignored = WorkspaceLock.acquire(workspace, group.offlineFolderName(), operation, waiting)) {
            SettleRequests.requestAndWait(workspace, writer.journalId(), operation, SETTLE_WAIT, waiting);
            // Publishes and deletes this process's segments (so no token of them is needed any
            // more) and finishes the journals of processes that ended meanwhile.
            settler.settle(0, Duration.ZERO, true);
            return work.get();
        }
    }

    /** PutRecord. */
    public PutResult put(FeatureGroup group, Record record, Set<TargetStore> targets, TtlDuration recordTtl) {
        return put(group, ANY_VERSION, record, targets, recordTtl);
    }

    /**
     * PutRecord with a group from a cache: the transaction first checks that the catalog still
     * holds {@code catalogVersion} of the group.
     *
     * @throws org.featureworkbench.registry.StaleDefinitionException when it does not (nothing written)
     */
    public PutResult put(FeatureGroup group, long catalogVersion, Record record, Set<TargetStore> targets,
                         TtlDuration recordTtl) {
        return writer.put(group, catalogVersion, record, targets, recordTtl);
    }

    /** DeleteRecord; returns whether a readable online record was removed or hidden. */
    public boolean delete(FeatureGroup group, String recordId, Instant eventTime, DeletionMode mode,
                          Set<TargetStore> targets) {
        return delete(group, ANY_VERSION, recordId, eventTime, mode, targets);
    }

    /** {@link #delete(FeatureGroup, String, Instant, DeletionMode, Set)} checking the catalog version as {@link #put} does. */
    public boolean delete(FeatureGroup group, long catalogVersion, String recordId, Instant eventTime,
                          DeletionMode mode, Set<TargetStore> targets) {
        return writer.delete(group, catalogVersion, recordId, eventTime, mode, targets);
    }

    /**
     * Publishes everything pending for one group now. Pending rows of other groups written by
     * this process are published with them (one journal holds them all).
     */
    public FlushResult flush(FeatureGroup group) {
        return settler.settle(0, Duration.ZERO, false).getOrDefault(group.name(), FlushResult.NOTHING);
    }

    /** Publishes everything pending for every group now. */
    public FlushResult flushAll() {
        return total(settler.settle(0, Duration.ZERO, false));
    }

    private static FlushResult total(java.util.Map<String, FlushResult> perGroup) {
        return perGroup.values().stream().reduce(FlushResult.NOTHING, FlushResult::plus);
    }

    /** Purges expired online records now (the background tick does this too). */
    public int purgeExpired() {
        return purger.purgeExpired(Integer.MAX_VALUE, () -> true);
    }

    /**
     * A small, bounded share of the TTL purge at close, so that workspaces used only by short
     * commands (which end before the background purge starts) still lose their expired rows:
     * each close that publishes offline rows anyway (a put, delete or ingest) removes up to {@link #PURGE_AT_CLOSE} of them, for at most
     * {@link #PURGE_AT_CLOSE_TIME}; its delete markers are published with the close's own flush.
     * The command's result is already out, and the purge skips rows others hold locked (ADR 0007
     * addendum), so it waits for nobody and stalls no command.
     */
    private void purgeBeforeExit() {
        if (PURGE_AT_CLOSE <= 0 || writer.pendingRows() == 0) {
            // Only when the closing flush writes Parquet anyway: a command that wrote nothing
            // offline (a get) would pay for the JVM's first Parquet write (~2–3 s of class
            // loading, ADR 0017) just to publish the markers.
            return;
        }
        long started = System.nanoTime();
        long deadline = started + PURGE_AT_CLOSE_TIME.toNanos();
        try {
            int purged = purger.purgeExpired(PURGE_AT_CLOSE, () -> System.nanoTime() < deadline);
            if (purged > 0) {
                LOG.info("Purged {} expired online records at close in {} ms", purged,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // Reads hide expired rows anyway; a later process purges them.
            LOG.warn("Could not purge expired online records at close: {}", e.getMessage());
        }
    }

    /**
     * Which absorbed file tokens of the group's partitions compaction must keep: those a journal
     * segment still in the workspace (any process's) can be replayed with (ADR 0019 addendum 4).
     * Call it under the group's workspace lock, after the settle {@link #workspaceWide} runs.
     * When the journals cannot be listed, every token is kept.
     */
    public java.util.function.Predicate<String> tokensStillNeeded(FeatureGroup group) {
        try {
            java.util.Set<String> replayable = ReplayableTokens.of(workspace, group);
            return replayable::contains;
        } catch (IOException e) {
            LOG.warn("Could not list the record journals of {} ({}); compaction keeps every absorbed token", workspace,
                    e.getMessage());
            return token -> true;
        }
    }

    /** Offline rows of the group this process wrote and has not published yet. */
    public long pendingRows(String groupName) {
        return writer.pendingRows(groupName);
    }

    /** When this process last published journal rows, or null. */
    public Instant lastFlush() {
        return settler.lastFlush();
    }

    /**
     * Writes every committed database change to the database file now. Writes outside the journal
     * (catalog changes, bulk ingests) call it before they report success, because H2 itself keeps
     * recent commits in memory for up to its write delay (ADR 0010).
     */
    public void makeDurable() {
        try {
            Retry.onLostConnection(() -> {
                try (Connection c = dataSource.getConnection()) {
                    JournalProgress.checkpoint(c);
                    return null;
                }
            });
        } catch (SQLException e) {
            throw new FeatureStoreException("could not write the workspace database to disk: " + e.getMessage(), e);
        }
    }

    /** Stops the tick and settles what is pending. */
    @Override
    public synchronized void close() {
        closing = true;
        if (requestPoller != null) {
            // Not shutdownNow: an interrupt inside a settle would close the journal's file channel.
            requestPoller.shutdown();
        }
        if (ticker != null) {
            ticker.shutdown();
            try {
                ticker.awaitTermination(30, TimeUnit.SECONDS);
                requestPoller.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        purgeBeforeExit();
        try {
            total(settler.settle(0, Duration.ZERO, true));
        } catch (RuntimeException e) {
            LOG.error("Flush on close failed; the journal stays for the next start", e);
        } finally {
            writer.close();
        }
    }
}
