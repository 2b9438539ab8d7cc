package org.featureworkbench.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.featureworkbench.database.WaitNotices;
import org.featureworkbench.model.OnlineTableUnreadableException;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.BatchGetResult;
import org.featureworkbench.model.BatchWriteEntry;
import org.featureworkbench.model.BatchWriteResult;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.FlushResult;
import org.featureworkbench.model.OfflineStoreStats;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.PutResult;
import org.featureworkbench.model.ReadWouldWaitException;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.RecordIdPage;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.registry.CatalogEntry;
import org.featureworkbench.registry.GroupCache;
import org.featureworkbench.registry.StaleDefinitionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * The record half of the facade (SageMaker's featurestore-runtime API plus flush and compaction),
 * reached through {@link FeatureStore#records()}. Semantics: DESIGN.md §3, ADRs 0005 and 0007.
 *
 * <p>Thread-safe and synchronous; call it off the JavaFX thread. Errors are
 * {@link org.featureworkbench.model.FeatureStoreException}s with messages fit for a user.
 */
public final class RecordOperations {
    private static final Logger LOG = LoggerFactory.getLogger(RecordOperations.class);
    /**
     * Pauses before trying an operation again whose group's table was not found: H2's ADD COLUMN
     * copies the table and puts the copy in under the old name, and a statement prepared in that
     * instant (about a millisecond) finds no table (ADR 0021 addendum 4). A table that is really
     * gone is reported, and noted as damage, after the pauses (~0.3 s in all).
     */
    private static final long[] TABLE_SWAP_PAUSES_MILLIS = {10, 20, 40, 80, 160};
    /** ListRecords' page size when none is given. */
    public static final int DEFAULT_LIST_RESULTS = 100;
    /** The largest ListRecords page (ADR 0024). */
    public static final int MAX_LIST_RESULTS = 1000;
    private final Function<String, FeatureGroup> groups;
    private final GroupCache cache;
    private final StoreServices services;
    private final Supplier<List<IngestJobRecord>> recordedIngests;
    private final java.util.function.BiConsumer<String, String> damageMet;

    /**
     * @param groups a fresh catalog read (throwing when the group does not exist), for the rare
     *               operations: flush, compaction, stats
     * @param cache  the per-call operations' groups (PutRecord, GetRecord, DeleteRecord)
     * @param recordedIngests every ingest recorded in the workspace (compaction must not merge the
     *                        files of one that is still running or interrupted)
     * @param damageMet       told (group, message) when an online table turns out missing or damaged,
     *                        so the workspace's next opening says so (ADR 0019)
     */
    RecordOperations(Function<String, FeatureGroup> groups, GroupCache cache, StoreServices services,
                     Supplier<List<IngestJobRecord>> recordedIngests,
                     java.util.function.BiConsumer<String, String> damageMet) {
        this.groups = groups;
        this.cache = cache;
        this.services = services;
        this.recordedIngests = recordedIngests;
        this.damageMet = damageMet;
    }

    /**
     * PutRecord: a full overwrite of the record. Newer than the online record → online and
     * offline; older → offline only (history); equal → overwrites (ADR 0005). Returns only when
     * the online change and the offline-bound row are both committed.
     *
     * @param targets   stores to write; empty means both of the group's stores
     * @param recordTtl overrides the group's TTL for this record, or null
     */
    public PutResult putRecord(String groupName, Record record, Set<TargetStore> targets, TtlDuration recordTtl) {
        return withGroup(groupName, e -> services.writePath().put(e.group(), e.version(), record,
                orDefault(e.group(), targets), recordTtl));
    }

    /**
     * {@link #putRecord(String, Record, Set, TtlDuration)}, waiting while features are being added
     * to the group (its online table is being copied: writes are refused meanwhile) instead of
     * failing, for at most 5 minutes. For callers that may block (the CLI, the GUI's background
     * tasks); the API waits without holding a thread.
     *
     * @param waiting told once, in words for the user, when the put has to wait
     */
    public PutResult putRecord(String groupName, Record record, Set<TargetStore> targets, TtlDuration recordTtl,
                               Consumer<String> waiting) {
        return GroupChangeWait.retrying(() -> "the put of record '" + recordIdOf(groupName, record) + "'", groupName,
                () -> putRecord(groupName, record, targets, recordTtl), waiting);
    }

    /** The record's identifier value, for messages. */
    private String recordIdOf(String groupName, Record record) {
        return record.value(groups.apply(groupName).definition().recordIdentifierFeatureName());
    }

    /**
     * GetRecord: the latest readable values, or empty when the record is missing, deleted or expired.
     *
     * @param projection feature names to return; null or empty for all
     * @throws org.featureworkbench.model.OnlineTableUnreadableException when the group's online
     *         table is missing or damaged: the message says to run check, then repair
     */
    public Optional<OnlineRecord> getRecord(String groupName, String recordId, List<String> projection) {
        return withGroup(groupName, e -> {
            requireOnline(e.group(), "GetRecord");
            return services.online().get(e.group(), e.version(), recordId, projection);
        });
    }

    /**
     * Whether {@link #getRecord} on {@code groupName} can be answered now without waiting for
     * another process: reads are served by this process's own database file (it opened the file
     * itself, it is not a client of another process's database server, and no hand-over is under
     * way) and the group's definition is already cached (no catalog read). The API server answers
     * such a GetRecord on its network thread instead of handing it to a request thread (ADR 0021).
     * Cheap; a {@code false} only means "may wait", never that the read would fail.
     */
    public boolean readsWithoutWaiting(String groupName) {
        return services.database() instanceof org.featureworkbench.database.WorkspaceDatabase database
                && database.servesFileItself() && cache.isCached(groupName);
    }

    /**
     * {@link #getRecord} for a caller that must never block (the API server's selector thread):
     * the group's cached definition only, and a read that declines to wait for a lock another
     * session holds (another process altering or dropping the group's table through this
     * process's database server). Invalid input is answered as {@link #getRecord} answers it;
     * anything else that is not a plain answer (the group not cached, a stale definition, a lock
     * held, a failure) is a {@link ReadWouldWaitException}, and {@link #getRecord}, which waits
     * and re-reads as usual, gives the answer (ADR 0021 addendum 3).
     *
     * @throws ReadWouldWaitException when only {@link #getRecord} can answer
     */
    public Optional<OnlineRecord> getRecordWithoutWaiting(String groupName, String recordId, List<String> projection) {
        CatalogEntry e = cache.cached(groupName).orElseThrow(() ->
                new ReadWouldWaitException("group '" + groupName + "' is not cached", null));
        try {
            requireOnline(e.group(), "GetRecord");
            return services.online().getWithoutWaiting(e.group(), e.version(), recordId, projection);
        } catch (ValidationException | ReadWouldWaitException answered) {
            throw answered;
        } catch (RuntimeException other) {
            throw new ReadWouldWaitException("GetRecord of '" + groupName + "' needs the usual path", other);
        }
    }

    /**
     * BatchGetRecord: up to 100 ids across up to 100 groups, with per-id errors.
     *
     * @throws org.featureworkbench.model.OnlineTableUnreadableException when a requested group's
     *         online table is missing or damaged (the call fails rather than report its records missing)
     */
    public BatchGetResult batchGetRecord(List<BatchGetIdentifier> identifiers) {
        return acrossTableSwap(() -> {
            try {
                return services.online().batchGet(identifiers, name -> services.catalog().find(name));
            } catch (OnlineTableUnreadableException e) {
                if (services.catalog().find(e.groupName()).isEmpty()) {
                    // Deleted (table dropped) between reading its definition and reading its rows: not
                    // damage; read again, and the group is reported as not found like any unknown group.
                    return services.online().batchGet(identifiers, name -> services.catalog().find(name));
                }
                throw e;
            }
        });
    }

    /**
     * BatchWriteRecord: up to 25 PutRecords across groups, each with PutRecord's semantics and its
     * own outcome; one entry's failure never stops the others.
     *
     * @param requestTtl the TTL of entries that carry none, or null for the group's
     * @throws ValidationException when there are no entries or more than 25
     */
    public BatchWriteResult batchWriteRecord(List<BatchWriteEntry> entries, TtlDuration requestTtl) {
        return BatchWrite.run(this, entries, requestTtl);
    }

    /**
     * ListRecords: the ids of the group's online records in record-id order, a page at a time.
     * Expired records are never listed; soft-deleted ones only when asked for.
     *
     * @param maxResults the page size, 1 to {@value #MAX_LIST_RESULTS}; null for {@value #DEFAULT_LIST_RESULTS}
     * @param nextToken  the previous page's token, or null for the first page
     * @throws ValidationException for a bad page size or token, or a group without an online store
     */
    public RecordIdPage listRecords(String groupName, Integer maxResults, String nextToken,
                                    boolean includeSoftDeleted) {
        int limit = maxResults == null ? DEFAULT_LIST_RESULTS : maxResults;
        if (limit < 1 || limit > MAX_LIST_RESULTS) {
            throw new ValidationException("MaxResults", "must be 1 to " + MAX_LIST_RESULTS + ", got "
                    + limit + "; larger listings take several pages");
        }
        return withGroup(groupName, e -> {
            FeatureGroup group = e.group();
            requireOnline(group, "ListRecords");
            String after = nextToken == null || nextToken.isEmpty() ? null : ListRecordsToken.lastId(group, nextToken);
            // One more than asked tells whether another page exists without a second query.
            List<String> ids = services.online().listIds(group, after, limit + 1, includeSoftDeleted);
            if (ids.size() <= limit) {
                return new RecordIdPage(ids, Optional.empty());
            }
            List<String> page = ids.subList(0, limit);
            return new RecordIdPage(page, Optional.of(ListRecordsToken.after(group, page.get(limit - 1))));
        });
    }

    /**
     * DeleteRecord. Appends a delete marker to the offline store and hides (soft) or removes
     * (hard) the online record.
     *
     * @param eventTime the delete's event time, in either SageMaker form (epoch seconds or ISO-8601 UTC)
     * @return whether a readable online record was hidden or removed
     */
    public boolean deleteRecord(String groupName, String recordId, String eventTime, DeletionMode mode,
                                Set<TargetStore> targets) {
        Instant time = parseDeleteEventTime(eventTime);
        return withGroup(groupName, e -> services.writePath().delete(e.group(), e.version(), recordId, time, mode,
                orDefault(e.group(), targets)));
    }

    /**
     * {@link #deleteRecord(String, String, String, DeletionMode, Set)}, waiting while features are
     * being added to the group instead of failing, as {@link #putRecord(String, Record, Set,
     * TtlDuration, Consumer)} does.
     *
     * @param waiting told once, in words for the user, when the delete has to wait
     */
    public boolean deleteRecord(String groupName, String recordId, String eventTime, DeletionMode mode,
                                Set<TargetStore> targets, Consumer<String> waiting) {
        return GroupChangeWait.retrying(() -> "the delete of record '" + recordId + "'", groupName,
                () -> deleteRecord(groupName, recordId, eventTime, mode, targets), waiting);
    }

    /** Publishes what is queued for the group's offline store now (every group when null). */
    public FlushResult flush(String groupNameOrNull) {
        return groupNameOrNull == null ? services.writePath().flushAll()
                : services.writePath().flush(groups.apply(groupNameOrNull));
    }

    /** {@link #compact(String, Consumer)}, with waits only logged. */
    public OfflineStoreStats compact(String groupName) {
        return compact(groupName, message -> {
            LOG.info("compact {}: {}", groupName, message);
            WaitNotices.publish(message);
        });
    }

    /**
     * Merges each offline partition's files into one, after every process on the workspace
     * published the group's pending rows, under the group's workspace lock (ADR 0003, 0017).
     *
     * @param waiting told, in words for a user, when it must wait for another process (and for which)
     */
    public OfflineStoreStats compact(String groupName, Consumer<String> waiting) {
        FeatureGroup group = groups.apply(groupName);
        requireOffline(group);
        refuseWhileIngestUnfinished(group);
        services.writePath().workspaceWide(group, "compact " + groupName, waiting, () -> {
            // After the settle: the journals' segments left now are the only ones that can replay.
            services.offline().compact(group, services.writePath().tokensStillNeeded(group));
            return null;
        });
        return services.offline().stats(group);
    }

    /**
     * A resume finds an unfinished ingest's published files by the job's token in their names
     * (ADR 0020) and deletes those of a publish its record does not count; compaction would merge
     * them under another name, so the resume could neither skip nor remove them.
     */
    private void refuseWhileIngestUnfinished(FeatureGroup group) {
        for (IngestJobRecord job : recordedIngests.get()) {
            boolean unfinished = job.status() == IngestJobRecord.Status.RUNNING
                    || job.status() == IngestJobRecord.Status.INTERRUPTED;
            if (unfinished && group.name().equalsIgnoreCase(job.group())
                    && (job.groupFolder() == null || job.groupFolder().equals(group.offlineFolderName()))) {
                throw new FeatureStoreException(job.status() == IngestJobRecord.Status.RUNNING
                        ? "ingest " + job.id() + " of " + job.file().getFileName() + " into '" + group.name()
                        + "' is still running (process " + job.pid() + "); compact the group once it has ended"
                        : "ingest " + job.id() + " of " + job.file().getFileName() + " into '" + group.name()
                        + "' was interrupted, and compaction would merge the files its resume must find; run "
                        + "'ingest --resume " + job.id() + "' (or give it up with 'jobs --abandon " + job.id()
                        + "'), then compact");
            }
        }
    }

    /** Online record count, offline files and rows, rows waiting for the offline store. */
    public RecordStats stats(String groupName) {
        FeatureGroup group = groups.apply(groupName);
        long online = group.definition().onlineStore().enabled() ? services.online().count(group) : 0;
        OfflineStoreStats offline = group.definition().offlineStore().enabled()
                ? services.offline().stats(group) : OfflineStoreStats.EMPTY;
        return new RecordStats(online, offline, services.writePath().pendingRows(groupName),
                Optional.ofNullable(services.writePath().lastFlush()));
    }

    /**
     * Runs {@code operation} with the cached group. The operation checks the cached version
     * itself ({@link StaleDefinitionException}); any failure is retried once with a fresh
     * definition when the cached one turns out stale, because a stale definition can also fail
     * before that check (an unknown feature another process added, a dropped table).
     */
    private <T> T withGroup(String groupName, Function<CatalogEntry, T> operation) {
        return acrossTableSwap(() -> withCurrentGroup(groupName, operation));
    }

    /**
     * Runs {@code call}, again after a pause when it met its group's table missing while the
     * catalog still has the group (see {@link #TABLE_SWAP_PAUSES_MILLIS}); a table still missing or
     * damaged is noted as damage met and reported.
     */
    private <T> T acrossTableSwap(Supplier<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (OnlineTableUnreadableException e) {
                if (attempt < TABLE_SWAP_PAUSES_MILLIS.length && mayBeTableSwap(e)) {
                    pause(TABLE_SWAP_PAUSES_MILLIS[attempt], e);
                    continue;
                }
                damageMet.accept(e.groupName(), e.getMessage());
                throw e;
            }
        }
    }

    /** A missing table of a group the catalog still has: maybe the instant of an ADD COLUMN. */
    private boolean mayBeTableSwap(OnlineTableUnreadableException e) {
        if (!e.tableMissing()) {
            return false;
        }
        try {
            return services.catalog().find(e.groupName()).isPresent();
        } catch (RuntimeException lookupFailed) {
            e.addSuppressed(lookupFailed);
            return false;
        }
    }

    private static void pause(long millis, OnlineTableUnreadableException failure) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private <T> T withCurrentGroup(String groupName, Function<CatalogEntry, T> operation) {
        CatalogEntry entry = entry(groupName);
        try {
            return operation.apply(entry);
        } catch (RuntimeException failure) {
            if (!(failure instanceof StaleDefinitionException) && stillCurrent(entry, failure)) {
                throw failure;
            }
            cache.invalidate(groupName);
            return operation.apply(entry(groupName));
        }
    }

    private boolean stillCurrent(CatalogEntry entry, RuntimeException failure) {
        try {
            return cache.isCurrent(entry);
        } catch (RuntimeException checkFailed) {
            failure.addSuppressed(checkFailed);
            return true;
        }
    }

    private CatalogEntry entry(String groupName) {
        return cache.get(groupName).orElseThrow(() -> FeatureStore.notFound(groupName));
    }

    private static Set<TargetStore> orDefault(FeatureGroup group, Set<TargetStore> targets) {
        if (targets != null && !targets.isEmpty()) {
            return targets;
        }
        Set<TargetStore> all = java.util.EnumSet.noneOf(TargetStore.class);
        if (group.definition().onlineStore().enabled()) {
            all.add(TargetStore.ONLINE_STORE);
        }
        if (group.definition().offlineStore().enabled()) {
            all.add(TargetStore.OFFLINE_STORE);
        }
        return all;
    }

    private static Instant parseDeleteEventTime(String value) {
        if (value != null && value.trim().matches("-?\\d+(\\.\\d+)?")) {
            return EventTimes.parse(value, FeatureType.FRACTIONAL, "EventTime");
        }
        return EventTimes.parse(value, FeatureType.STRING, "EventTime");
    }

    private static void requireOnline(FeatureGroup group, String operation) {
        if (!group.definition().onlineStore().enabled()) {
            throw new ValidationException("FeatureGroupName", "feature group '" + group.name()
                    + "' has no online store, so " + operation + " cannot read it; query its offline store instead");
        }
    }

    private static void requireOffline(FeatureGroup group) {
        if (!group.definition().offlineStore().enabled()) {
            throw new ValidationException("FeatureGroupName", "feature group '" + group.name()
                    + "' has no offline store to compact");
        }
    }
}
