package org.featureworkbench.writepath;

import org.featureworkbench.model.FlushResult;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.offline.AppendResult;
import org.featureworkbench.offline.OfflineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves outbox rows into the Parquet offline store, exactly once:
 * <ol>
 *   <li>claim: mark up to {@value #BATCH_ROWS} rows with a fresh token and record the batch and
 *       its owner (one transaction);</li>
 *   <li>publish: write one file per hour partition named {@code …_<token>.parquet}, skipping a
 *       partition that already holds a file with the token;</li>
 *   <li>settle: delete the batch's outbox rows and the batch (one transaction).</li>
 * </ol>
 * A crash after 2 and before 3 leaves the batch to the next flusher, which publishes only the
 * partitions still missing, so no row is lost and none is written twice. Thread-safe.
 */
public final class OfflineFlusher {
    static final int BATCH_ROWS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(OfflineFlusher.class);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WriteConnections connections;
    private final OfflineStore offlineStore;
    private final Function<String, Optional<FeatureGroup>> groups;
    private final Clock clock;
    /**
     * Batches some flusher of this JVM is working on. Per JVM, not per flusher, because a batch's
     * owner is recorded as a pid: with two stores open on one workspace in one process, each
     * must see the other's running batch as live, not abandoned (else both publish it).
     */
    private static final Set<String> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private volatile Instant lastFlush;

    OfflineFlusher(WriteConnections connections, OfflineStore offlineStore,
                   Function<String, Optional<FeatureGroup>> groups, Clock clock) {
        this.connections = connections;
        this.offlineStore = offlineStore;
        this.groups = groups;
        this.clock = clock;
    }

    /** When this process last published outbox rows, or null. */
    public Instant lastFlush() {
        return lastFlush;
    }

    /** Publishes every pending row of the group, and any abandoned batch of it. */
    public FlushResult flush(FeatureGroup group) {
        FlushResult total = recoverAbandoned(group.name());
        FlushResult batch;
        do {
            batch = flushOneBatch(group);
            total = total.plus(batch);
        } while (batch.rows() > 0);
        return total;
    }

    /**
     * Flushes groups whose pending rows reached {@code maxRows} or whose oldest row is older than
     * {@code maxAge}, and finishes batches abandoned by dead processes. Called by the background tick.
     */
    public FlushResult flushDue(long maxRows, Duration maxAge) {
        FlushResult total = recoverAbandoned(null);
        Instant now = clock.instant();
        for (OutboxTable.Pending p : sql(() -> connections.inTransaction(OutboxTable::pending))) {
            if (p.rows() >= maxRows || !p.oldestInvocation().plus(maxAge).isAfter(now)) {
                Optional<FeatureGroup> group = currentGroup(p.groupName(), p.createdSeconds());
                if (group.isPresent()) {
                    total = total.plus(flush(group.get()));
                } else {
                    dropOrphans(p.groupName(), p.createdSeconds());
                }
            }
        }
        return total;
    }

    private FlushResult flushOneBatch(FeatureGroup group) {
        String token = newToken();
        IN_FLIGHT.add(token);
        try {
            FlushBatches.Batch claimed = sql(() -> connections.inTransaction(c -> {
                OutboxTable.lockGroup(c, group.name());
                long created = group.creationTime().getEpochSecond();
                FlushBatches.Range range = OutboxTable.claim(c, group.name(), created, token, BATCH_ROWS);
                return range == null ? null : FlushBatches.insert(c, token, group.name(), created, range);
            }));
            return claimed == null ? FlushResult.NOTHING : publishAndSettle(group, claimed);
        } finally {
            IN_FLIGHT.remove(token);
        }
    }

    private FlushResult publishAndSettle(FeatureGroup group, FlushBatches.Batch batch) {
        String token = batch.token();
        List<OutboxEntry> entries = sql(() -> connections.inTransaction(c -> OutboxTable.claimed(c, batch)));
        AppendResult published = offlineStore.appendOnce(group, OutboxRows.toOfflineRows(group, entries), token);
        sql(() -> connections.inTransaction(c -> {
            OutboxTable.deleteClaimed(c, batch);
            FlushBatches.delete(c, token);
            return null;
        }));
        lastFlush = clock.instant();
        LOG.info("Flushed {} rows of {} into {} files (batch {})", entries.size(), group.name(),
                published.files().size(), token);
        return new FlushResult(published.rows(), published.files().size());
    }

    /** Finishes batches whose owner died, or that this process started and failed to finish. */
    private FlushResult recoverAbandoned(String onlyGroup) {
        FlushResult total = FlushResult.NOTHING;
        for (FlushBatches.Batch b : sql(() -> connections.inTransaction(FlushBatches::all))) {
            boolean mine = b.ownerPid() == ProcessHandle.current().pid();
            boolean abandoned = mine ? !IN_FLIGHT.contains(b.token()) : !b.ownerAlive();
            if (!abandoned || (onlyGroup != null && !onlyGroup.equals(b.groupName())) || !IN_FLIGHT.add(b.token())) {
                continue;
            }
            try {
                Optional<FeatureGroup> group = currentGroup(b.groupName(), b.createdSeconds());
                if (group.isPresent()) {
                    LOG.warn("Finishing flush batch {} of {} left by process {}", b.token(), b.groupName(), b.ownerPid());
                    total = total.plus(publishAndSettle(group.get(), b));
                } else {
                    sql(() -> connections.inTransaction(c -> {
                        OutboxTable.deleteClaimed(c, b);
                        FlushBatches.delete(c, b.token());
                        return null;
                    }));
                }
            } finally {
                IN_FLIGHT.remove(b.token());
            }
        }
        return total;
    }

    private Optional<FeatureGroup> currentGroup(String name, long createdSeconds) {
        return groups.apply(name).filter(g -> g.creationTime().getEpochSecond() == createdSeconds);
    }

    private void dropOrphans(String groupName, long createdSeconds) {
        int dropped = sql(() -> connections.inTransaction(c -> OutboxTable.deleteGroupRows(c, groupName, createdSeconds)));
        LOG.warn("Dropped {} pending offline rows of deleted feature group {}-{}", dropped, groupName, createdSeconds);
    }

    private static String newToken() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    static <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new FeatureStoreException("the workspace database failed: " + e.getMessage(), e);
        }
    }
}
