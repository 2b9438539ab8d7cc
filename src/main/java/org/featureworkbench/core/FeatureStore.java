package org.featureworkbench.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureMetadataUpdate;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.model.GroupSearchQuery;
import org.featureworkbench.model.ResourceInUseException;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.database.WaitNotices;
import org.featureworkbench.dataset.DatasetBuilder;
import org.featureworkbench.health.HealthOperations;
import org.featureworkbench.query.CopyMode;
import org.featureworkbench.query.DuckDbQueryEngine;
import org.featureworkbench.query.QueryHistory;
import org.featureworkbench.model.CatalogStamp;
import org.featureworkbench.registry.FeatureGroupCatalog;
import org.featureworkbench.registry.GroupCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point to a workspace's feature store: the GUI, the CLI and (later) the HTTP API
 * all call these methods, so each behaviour exists once.
 *
 * <p>Thread-safe; every method is synchronous and may block on I/O, so GUI code must call it
 * off the JavaFX thread. Errors are {@link org.featureworkbench.model.FeatureStoreException}s
 * whose messages can be shown to a user as they are.
 */
public final class FeatureStore implements AutoCloseable {
    private final java.util.List<AutoCloseable> waitSubscriptions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final Logger LOG = LoggerFactory.getLogger(FeatureStore.class);

    private final Path workspaceDirectory;
    private final FeatureGroupCatalog catalog;
    private final StoreServices services;
    private final GroupCache groupCache;
    private final RecordOperations records;
    private final IngestOperations ingest;
    private final QueryOperations query;
    private final DatasetOperations datasets;
    private final HealthOperations health;
    private final org.featureworkbench.api.ApiOperations api;
    /** Tests: runs between add-features' check for running ingests and its catalog change. */
    private volatile Runnable afterIngestCheck = () -> { };

    /** Assembles a store; use {@code Workspace.open} rather than calling this directly. */
    public FeatureStore(Path workspaceDirectory, StoreServices services) {
        this.workspaceDirectory = workspaceDirectory;
        this.catalog = services.catalog();
        this.services = services;
        this.groupCache = new GroupCache(catalog::findEntry, catalog::version);
        this.records = new RecordOperations(this::describeFeatureGroup, groupCache, services,
                () -> ingest().workspaceJobs(), (group, message) -> health().damageMet(group, message));
        this.ingest = new IngestOperations(this, services);
        this.query = new QueryOperations(new DuckDbQueryEngine(workspaceDirectory, offlineStoreDirectory(),
                services.offline(), () -> catalog.list(GroupListQuery.ALL),
                group -> flushIfPending(services, group), copyMode()),
                this::describeFeatureGroup, new QueryHistory(workspaceDirectory.resolve("query").resolve("history.jsonl")));
        this.datasets = new DatasetOperations(new DatasetBuilder(query.engine(), this::describeFeatureGroup,
                () -> catalog.list(GroupListQuery.ALL), workspaceDirectory.resolve("datasets")));
        this.health = new HealthOperations(workspaceDirectory, services.database(), catalog, services.online(),
                services.offline(), java.time.Clock.systemUTC(),
                () -> InterruptedIngestFindings.of(ingest().interruptedJobs()));
        this.api = new org.featureworkbench.api.ApiOperations(this);
    }

    /** Tests: {@code hook} runs where an ingest can start unseen by add-features' check (the race it cannot close). */
    void afterAddFeaturesIngestCheck(Runnable hook) {
        afterIngestCheck = hook;
    }

    /** The local SageMaker-compatible endpoint: start, stop, traffic (issue 13). */
    public org.featureworkbench.api.ApiOperations api() {
        return api;
    }

    /** Check and repair of the workspace (issue 12, ADR 0019). */
    public HealthOperations health() {
        return health;
    }

    /**
     * System property: {@code persistent} (default), {@code in_memory} or {@code direct}, where the
     * query engine reads groups from ({@link CopyMode}); benchmarks and tests choose the others.
     */
    public static final String QUERY_COPY_MODE = "fwb.query.copy";

    private static CopyMode copyMode() {
        String mode = System.getProperty(QUERY_COPY_MODE, "persistent");
        return CopyMode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** A query sees what this process acknowledged: its journal rows of the group are published first. */
    private static void flushIfPending(StoreServices services, FeatureGroup group) {
        if (services.writePath().pendingRows(group.name()) > 0) {
            services.writePath().flush(group);
        }
    }

    /** DuckDB SQL over every version, time travel and exports (issue 10). */
    public QueryOperations query() {
        return query;
    }

    /** Point-in-time training datasets: build, preview, split, rebuild from a manifest (issue 11). */
    public DatasetOperations datasets() {
        return datasets;
    }

    /** Batch ingestion of files, schema inference and the ingest jobs list (issue 4). */
    public IngestOperations ingest() {
        return ingest;
    }

    /** PutRecord, GetRecord, BatchGetRecord, DeleteRecord, flush and compaction. */
    public RecordOperations records() {
        return records;
    }

    /** The workspace folder this store lives in. */
    public Path workspaceDirectory() {
        return workspaceDirectory;
    }

    /** {@code <workspace>/offline-store}: one folder per group, {@code <group>-<creation epoch s>}. */
    public Path offlineStoreDirectory() {
        return workspaceDirectory.resolve("offline-store");
    }

    /** {@code <workspace>/exports}: default destination of exports. */
    public Path exportsDirectory() {
        return workspaceDirectory.resolve("exports");
    }

    /** {@code <workspace>/logs}: the application log, one file a user can attach to a report. */
    public Path logsDirectory() {
        return workspaceDirectory.resolve("logs");
    }

    /** CreateFeatureGroup. See {@link FeatureGroupCatalog#create}. */
    public FeatureGroup createFeatureGroup(FeatureGroupDefinition definition) {
        groupCache.invalidate(definition.name());
        FeatureGroup created = catalog.create(definition, newCreationTime(definition.name()));
        if (created.definition().onlineStore().enabled()) {
            try {
                services.online().createTable(created);
            } catch (RuntimeException e) {
                // Nothing partially created: without its table the group must not exist either.
                catalog.delete(created.name());
                throw e;
            }
        }
        services.writePath().makeDurable();
        health.definitionChanged(created);
        LOG.info("Created feature group {} ({} features)", created.name(), created.features().size());
        return created;
    }

    /**
     * DescribeFeatureGroup.
     *
     * @throws ResourceNotFoundException when no group has this name
     */
    public FeatureGroup describeFeatureGroup(String name) {
        return catalog.find(name).orElseThrow(() -> notFound(name));
    }

    /** The group with this name, or empty. */
    public Optional<FeatureGroup> findFeatureGroup(String name) {
        return catalog.find(name);
    }

    /**
     * Whether a group of exactly this name exists, from the data path's cache: cheap enough to ask
     * on every API call. A group another process has just deleted may still answer true; the
     * operation that follows then reports it missing.
     */
    public boolean hasFeatureGroup(String name) {
        return groupCache.get(name).isPresent();
    }

    /**
     * The catalog's fingerprint ({@link CatalogStamp}): one small query, cheap enough for a window
     * to ask every few seconds whether groups were created, changed or deleted elsewhere.
     */
    public CatalogStamp catalogStamp() {
        return catalog.stamp();
    }

    /** ListFeatureGroups. */
    public List<FeatureGroup> listFeatureGroups(GroupListQuery query) {
        return catalog.list(query);
    }

    /** Search over feature groups. */
    public List<FeatureGroup> searchFeatureGroups(GroupSearchQuery query) {
        return catalog.search(query);
    }

    /** UpdateFeatureGroup with FeatureAdditions. */
    public FeatureGroup addFeatures(String groupName, List<FeatureDefinition> additions) {
        // H2's ADD COLUMN copies the table without keeping writers out. A running ingest would wait for the
        // copy (IngestOnlineWriter) holding its rows for up to 5 minutes; refusing is clearer (ADR 0021 addenda 4, 6).
        refuseWhileIngestRunning(describeFeatureGroup(groupName), "add features to feature group",
                "add the features. Nothing was changed.");
        // An ingest starting now reads the old definition; its online batches, checked against the
        // catalog version, then follow the change instead of writing into the copy (IngestOnlineWriter).
        afterIngestCheck.run();
        // marked from before the catalog change: a GetRecord that caches the new entry meanwhile
        // must not be answered where waiting for the ALTER's lock would stall others (ADR 0021)
        FeatureGroup updated = groupCache.whileChanging(groupName, () -> {
            FeatureGroup changed = catalog.addFeatures(groupName, additions);
            groupCache.invalidate(groupName);
            if (changed.definition().onlineStore().enabled()) {
                // Columns already there are skipped: a retry after a failure here completes the change.
                services.online().addColumns(changed, additions);
            }
            return changed;
        });
        services.writePath().makeDurable();
        health.definitionChanged(updated);
        LOG.info("Added {} features to {}", additions.size(), groupName);
        return updated;
    }

    /**
     * UpdateFeatureGroup with OnlineStoreConfig.TtlDuration: the default TTL of records put from
     * now on ({@code null} removes it); records already stored keep their ExpiresAt, as on SageMaker.
     */
    public FeatureGroup updateOnlineTtl(String groupName, TtlDuration ttl) {
        groupCache.invalidate(groupName);
        return durable(catalog.updateOnlineTtl(groupName, ttl));
    }

    /** UpdateFeatureMetadata. */
    public FeatureGroup updateFeatureMetadata(String groupName, String featureName, FeatureMetadataUpdate update) {
        // Each catalog change draws a new version; forgetting the entry spares the next put a stale retry.
        groupCache.invalidate(groupName);
        return durable(catalog.updateFeatureMetadata(groupName, featureName, update));
    }

    /** AddTags and DeleteTags in one step (removals first). */
    public FeatureGroup updateTags(String groupName, Map<String, String> additions, Collection<String> removals) {
        groupCache.invalidate(groupName);
        return durable(catalog.updateTags(groupName, additions, removals));
    }

    /**
     * DeleteFeatureGroup: removes the catalog entry and the online data. The offline files are
     * kept, as SageMaker keeps the S3 data, unless {@code purgeOffline} is set.
     *
     * @return the group as it was before deletion
     */
    public FeatureGroup deleteFeatureGroup(String name, boolean purgeOffline) {
        return deleteFeatureGroup(name, purgeOffline, message -> {
            LOG.info("group delete {}: {}", name, message);
            WaitNotices.publish(message);
        });
    }

    /**
     * {@link #deleteFeatureGroup(String, boolean)}; rows every process acknowledged before it
     * belong to the kept offline history, so it first has every process on the workspace publish
     * them, under the group's workspace lock (ADR 0017).
     *
     * @param waiting told, in words for a user, when it must wait for another process (and for which)
     */
    public FeatureGroup deleteFeatureGroup(String name, boolean purgeOffline, java.util.function.Consumer<String> waiting) {
        FeatureGroup group = describeFeatureGroup(name);
        return services.writePath().workspaceWide(group, "group delete " + name, waiting, () -> {
            refuseWhileIngestRunning(group);
            return deleteSettled(name, purgeOffline);
        });
    }

    /**
     * A running ingest writes the group's online table in long transactions (dropping it would
     * wait for them and fail half-way) and publishes into its offline folder; the user waits for
     * it or stops it. An ingest that starts after this check finds its publishes refused by the
     * purge ({@code offline.PurgeGuard}, ADR 0017 addendum) and its online writes failing.
     */
    private void refuseWhileIngestRunning(FeatureGroup group) {
        refuseWhileIngestRunning(group, "delete feature group", "delete the group. Nothing was deleted.");
    }

    private void refuseWhileIngestRunning(FeatureGroup group, String change, String thenWhat) {
        for (IngestJobRecord job : ingest().workspaceJobs()) {
            if (job.status() == IngestJobRecord.Status.RUNNING && group.name().equalsIgnoreCase(job.group())
                    && (job.groupFolder() == null || job.groupFolder().equals(group.offlineFolderName()))) {
                throw new ResourceInUseException("cannot " + change + " '" + group.name() + "': ingest "
                        + job.id() + " of " + job.file() + " into it is running (process " + job.pid() + "); wait for "
                        + "it to end ('jobs' shows it) or stop that process, then " + thenWhat);
            }
        }
    }

    private FeatureGroup deleteSettled(String name, boolean purgeOffline) {
        FeatureGroup deleted = groupCache.whileChanging(name, () -> {
            FeatureGroup gone = catalog.delete(name);
            groupCache.invalidate(name);
            services.online().dropTable(gone);
            return gone;
        });
        if (purgeOffline) {
            services.offline().purge(deleted);
        }
        services.writePath().makeDurable();
        health.definitionDeleted(deleted);
        LOG.info("Deleted feature group {} (offline files {})", name, purgeOffline ? "purged" : "kept");
        return deleted;
    }

    /**
     * Now, in whole seconds, moved forward while an offline folder of an earlier group with the
     * same name and second still exists, or was purged (a late publish into a purged folder is
     * refused by its name): a re-created group must never share the old files.
     */
    private Instant newCreationTime(String name) {
        Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        while (Files.exists(offlineStoreDirectory().resolve(name + "-" + time.getEpochSecond()))
                || services.offline().wasPurged(name + "-" + time.getEpochSecond())) {
            time = time.plusSeconds(1);
        }
        return time;
    }

    /** A catalog change is acknowledged only once it is in the database file (ADR 0010). */
    private FeatureGroup durable(FeatureGroup changed) {
        services.writePath().makeDurable();
        health.definitionChanged(changed);
        return changed;
    }

    static ResourceNotFoundException notFound(String name) {
        return new ResourceNotFoundException("feature group '" + name
                + "' does not exist; 'group list' (or ListFeatureGroups through the API) shows the groups in this workspace");
    }

    /**
     * Tells {@code listener} (on whichever thread waits) each time an operation of this process
     * must wait for another process, in words for a user; stops at {@link #close} or when the
     * returned handle is closed.
     */
    public AutoCloseable onWaitNotice(java.util.function.Consumer<String> listener) {
        AutoCloseable subscription = WaitNotices.subscribe(listener);
        waitSubscriptions.add(subscription);
        return subscription;
    }

    @Override
    public void close() {
        for (AutoCloseable subscription : waitSubscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                // removing a listener cannot fail in a way that matters at close
            }
        }
        api.stop();
        try {
            health.backupIfDue();
            query.close();
            services.writePath().close();
            services.online().close();
            catalog.close();
        } finally {
            services.onClose().run();
        }
    }
}
