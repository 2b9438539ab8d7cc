package org.featureworkbench.writepath;

import org.featureworkbench.model.PutResult;
import org.featureworkbench.model.FlushResult;

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
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.offline.OfflineStore;
import org.featureworkbench.online.OnlineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable write path: PutRecord / DeleteRecord into the online store and the outbox in one
 * transaction, a background tick that flushes the outbox to Parquet (on size or age) and purges
 * expired online records, and flush on demand and on close.
 *
 * <p>Thread-safe. {@link #start} begins the background tick; {@link #close} stops it and flushes
 * what is pending, so a clean exit leaves nothing in the outbox.
 */
public final class WritePath implements AutoCloseable {
    /** Flush a group once this many rows wait. */
    public static final long FLUSH_ROWS = 10_000;
    /** Flush a group once its oldest waiting row is this old. */
    public static final Duration FLUSH_AGE = Duration.ofSeconds(5);
    /** A catalog version meaning "the caller read the group just now; do not check it". */
    public static final long ANY_VERSION = Long.MIN_VALUE;
    private static final Logger LOG = LoggerFactory.getLogger(WritePath.class);

    private final WriteConnections connections;
    private final RecordWriter writer;
    private final OfflineFlusher flusher;
    private final TtlPurger purger;
    private ScheduledExecutorService ticker;

    /**
     * @param groups    looks a group up by name (the catalog)
     * @param allGroups lists every group, for the TTL purge
     */
    public WritePath(DataSource dataSource, OnlineStore onlineStore, OfflineStore offlineStore,
                     Function<String, Optional<FeatureGroup>> groups, Supplier<List<FeatureGroup>> allGroups,
                     Clock clock) {
        this.connections = new WriteConnections(dataSource, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        try {
            connections.inTransaction(c -> {
                OutboxTable.create(c);
                return null;
            });
        } catch (SQLException e) {
            throw new org.featureworkbench.model.FeatureStoreException("could not prepare the offline outbox: "
                    + e.getMessage(), e);
        }
        this.writer = new RecordWriter(connections, onlineStore, clock);
        this.flusher = new OfflineFlusher(connections, offlineStore, groups, clock);
        this.purger = new TtlPurger(connections, onlineStore, allGroups, clock);
    }

    /** Starts the background tick (flush due groups, finish abandoned batches, purge expired records). */
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
    }

    private void tick() {
        try {
            flusher.flushDue(FLUSH_ROWS, FLUSH_AGE);
            purger.purgeExpired();
        } catch (RuntimeException e) {
            // Logged, and retried on the next tick: the outbox keeps the rows meanwhile.
            LOG.error("Background flush failed; will retry", e);
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

    /** Publishes everything pending for one group now. */
    public FlushResult flush(FeatureGroup group) {
        return flusher.flush(group);
    }

    /** Publishes everything pending for every group now. */
    public FlushResult flushAll() {
        return flusher.flushDue(0, Duration.ZERO);
    }

    /** Purges expired online records now (the background tick does this too). */
    public int purgeExpired() {
        return purger.purgeExpired();
    }

    /** Rows of the group waiting in the outbox (including claimed, unsettled ones). */
    public long pendingRows(String groupName) {
        return OfflineFlusher.sql(() -> connections.inTransaction(c -> OutboxTable.countAll(c, groupName)));
    }

    /** When this process last published outbox rows, or null. */
    public Instant lastFlush() {
        return flusher.lastFlush();
    }

    /** Stops the tick and flushes what is pending. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdown();
            try {
                ticker.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            flushAll();
        } catch (RuntimeException e) {
            LOG.error("Flush on close failed; the rows stay in the outbox for the next start", e);
        } finally {
            connections.close();
        }
    }
}
