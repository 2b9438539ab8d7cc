package org.featureworkbench.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.featureworkbench.ingest.IngestCancelledException;
import org.featureworkbench.ingest.IngestOptions;
import org.featureworkbench.ingest.IngestReader;
import org.featureworkbench.ingest.MappedRow;
import org.featureworkbench.ingest.MappingOptions;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureGroupValidator;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.ResourceInUseException;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.offline.OfflineBulkAppend;
import org.featureworkbench.offline.OfflineStore;
import org.featureworkbench.online.OnlineStore;
import org.featureworkbench.registry.CatalogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one ingest job on the calling thread (ADR 0008): an optional validation pass, then one
 * streaming pass that feeds every accepted row to the offline store's bulk append (published at
 * checkpoints: the end of the file, or every {@code checkpointRows}) and keeps the newest version
 * per record id for the online store, which is written after the checkpoint that holds those
 * versions is published. Not thread-safe; one per job.
 */
final class BatchIngest {
    private static final Logger LOG = LoggerFactory.getLogger(BatchIngest.class);

    /**
     * Sizes that bound memory and lost work: rows after which the offline files are published (a
     * checkpoint; the open files' memory is bounded separately by the bulk append), distinct
     * record ids held for the online store before they are written early (after a checkpoint),
     * records per online transaction.
     */
    record Limits(int checkpointRows, int maxOnlineIds, int onlineBatchRows) {
        static final Limits DEFAULT = new Limits(2_000_000, 300_000, 10_000);
    }

    /** The catalog operations an ingest needs (the facade's). */
    interface Groups {
        /** The group and its catalog version; throws {@code ResourceNotFoundException} when it does not exist. */
        CatalogEntry entry(String name);

        boolean exists(String name);

        FeatureGroup create(FeatureGroupDefinition definition);
    }

    private final IngestJob job;
    private final IngestRequest request;
    private final Groups groups;
    private final OnlineStore online;
    private final OfflineStore offline;
    private final Limits limits;
    private final JobProgress progress;
    private final Instant invokedAt;
    private final IngestJobTracker tracker;
    /** Accepted rows, in file order, that are offline (earlier runs of a resumed job included). */
    private long publishedRows;
    /** The existing group as its definition was read, with the catalog version of that read. */
    private CatalogEntry existing;
    /** Writes the online batches at the version their records were built from (set in {@link #write}). */
    private IngestOnlineWriter onlineWriter;

    BatchIngest(IngestJob job, Groups groups, OnlineStore online, OfflineStore offline, Limits limits,
                IngestListener listener, Instant invokedAt, IngestJobTracker tracker) {
        this.job = job;
        this.tracker = tracker;
        this.request = job.request();
        this.groups = groups;
        this.online = online;
        this.offline = offline;
        this.limits = limits;
        this.invokedAt = invokedAt;
        this.progress = new JobProgress(job, listener);
    }

    /**
     * @param rejectsFile where rejects go; {@code createRejectsFile} creates it even without rejects
     * @throws FeatureStoreException on a file-level problem, an invalid request or bad rows under on-error fail
     */
    IngestSummary run(Path rejectsFile, boolean createRejectsFile) {
        FeatureGroupDefinition definition = definition();
        Set<TargetStore> targets = targets(definition);
        IngestOptions options = IngestSources.ingestOptions(request.fileOptions())
                .withMapping(new MappingOptions(request.renames(), request.stampEventTime() ? invokedAt : null));
        List<String> notes = new ArrayList<>();
        List<String> ignoredColumns = new ArrayList<>();
        try (RejectsTarget rejects = new RejectsTarget(rejectsFile, createRejectsFile)) {
            try {
                if (request.onError() == IngestRequest.OnError.FAIL) {
                    validate(options, definition, rejects);
                }
                write(options, definition, targets, rejects, notes, ignoredColumns);
                return progress.summary(rejects, false, notes, ignoredColumns);
            } catch (IngestCancelledException e) {
                LOG.info("Ingest {} cancelled: {}", job.id(), e.getMessage());
                return progress.summary(rejects, true, notes, ignoredColumns);
            }
        }
    }

    private FeatureGroupDefinition definition() {
        if (request.newGroup() == null) {
            existing = groups.entry(request.groupName());
            return existing.group().definition();
        }
        if (groups.exists(request.groupName())) {
            throw new ResourceInUseException("feature group '" + request.groupName() + "' already exists; ingest "
                    + "into it without creating it (drop --create), or choose a new name");
        }
        FeatureGroupDefinition d = request.newGroup();
        FeatureGroupDefinition named = new FeatureGroupDefinition(request.groupName(), d.recordIdentifierFeatureName(),
                d.eventTimeFeatureName(), d.features(), d.description(), d.tags(), d.onlineStore(), d.offlineStore());
        // Before reading anything: a definition without a record id or event time cannot map a row.
        FeatureGroupValidator.validate(named);
        return named;
    }

    private Set<TargetStore> targets(FeatureGroupDefinition d) {
        Set<TargetStore> targets = EnumSet.noneOf(TargetStore.class);
        if (request.targets().isEmpty()) {
            if (d.onlineStore().enabled()) {
                targets.add(TargetStore.ONLINE_STORE);
            }
            if (d.offlineStore().enabled()) {
                targets.add(TargetStore.OFFLINE_STORE);
            }
            return targets;
        }
        for (TargetStore t : request.targets()) {
            boolean enabled = t == TargetStore.ONLINE_STORE ? d.onlineStore().enabled() : d.offlineStore().enabled();
            if (!enabled) {
                throw new ValidationException("TargetStores", "feature group '" + d.name() + "' has no "
                        + (t == TargetStore.ONLINE_STORE ? "online" : "offline") + " store; target only the store it has");
            }
            targets.add(t);
        }
        return targets;
    }

    /** The on-error fail pass: reads every row, writes only rejects, and refuses the file if there are any. */
    private void validate(IngestOptions options, FeatureGroupDefinition definition, RejectsTarget rejects) {
        progress.state(IngestJob.State.VALIDATING);
        try (IngestReader reader = IngestReader.open(request.file(), options, definition, rejects, progress::read,
                job::isCancelRequested)) {
            while (reader.hasNext()) {
                reader.next();
            }
        }
        if (rejects.count() > 0) {
            rejects.close();
            throw new FeatureStoreException(request.file().getFileName() + ": " + rejects.count() + " row"
                    + (rejects.count() == 1 ? "" : "s") + " cannot be stored, so nothing was written (on-error fail). "
                    + "First: " + rejects.first().reason() + ". Every bad row is listed in " + rejects.fileOrNull()
                    + "; fix them, or ingest with on-error skip to store the good rows and reject the others");
        }
    }

    private void write(IngestOptions options, FeatureGroupDefinition definition, Set<TargetStore> targets,
                       RejectsTarget rejects, List<String> notes, List<String> ignoredColumns) {
        progress.state(IngestJob.State.WRITING);
        boolean toOffline = targets.contains(TargetStore.OFFLINE_STORE);
        boolean toOnline = targets.contains(TargetStore.ONLINE_STORE);
        try (IngestReader reader = IngestReader.open(request.file(), options, definition, rejects, progress::read,
                job::isCancelRequested)) {
            try {
                writeRows(reader, definition, toOffline, toOnline);
            } finally {
                // After the rows: a JSON Lines key first seen mid-file is a note and, unless a
                // feature takes it, an ignored column (also when the ingest stops early).
                notes.addAll(IngestSources.notes(reader));
                ignoredColumns.addAll(reader.mapping().unmappedColumns());
            }
        }
    }

    private void writeRows(IngestReader reader, FeatureGroupDefinition definition, boolean toOffline,
                           boolean toOnline) {
        CatalogEntry entry = existing != null ? existing : created(definition);
        FeatureGroup group = entry.group();
        onlineWriter = new IngestOnlineWriter(job.id(), entry,
                (at, batch) -> online.putAllAtVersion(at.group(), at.version(), batch, invokedAt),
                groups::entry, Thread::sleep, this::checkCancelled, () -> System.nanoTime() / 1_000_000);
        tracker.groupKnown(group);
        int idIndex = group.features().stream().map(FeatureDefinition::name).toList()
                .indexOf(definition.recordIdentifierFeatureName());
        OnlineVersions versions = new OnlineVersions(
                group.features().stream().map(FeatureDefinition::name).toArray(String[]::new), idIndex);
        // Closing without a publish (cancel, error) deletes every file not yet published.
        // A resumed job skips, offline, the accepted rows its earlier runs published (the file is
        // unchanged and read the same way, so they are the first ones); online gets every row.
        long skipOffline = tracker.publishedBefore();
        publishedRows = skipOffline;
        long accepted = 0;
        try (OfflineBulkAppend bulk = toOffline ? offline.openBulkAppend(group, invokedAt, tracker.nextFiles())
                : null) {
            while (reader.hasNext()) {
                MappedRow row = reader.next();
                long eventMs = row.eventTime().toEpochMilli();
                Object[] values = row.takeTypedValues();
                boolean alreadyOffline = accepted++ < skipOffline;
                if (bulk != null && !alreadyOffline) {
                    bulk.add(values, eventMs);
                }
                if ((accepted & 4095) == 0) {
                    tracker.progress(progress.rowsRead(), progress.writtenOnline());
                }
                if (toOnline) {
                    versions.offer(values, eventMs);
                }
                boolean checkpoint = bulk != null && bulk.pendingRows() >= limits.checkpointRows();
                if (checkpoint || versions.size() >= limits.maxOnlineIds()) {
                    // Offline first: the online store only ever holds versions already published offline.
                    publishOffline(bulk);
                    if (versions.size() >= limits.maxOnlineIds()) {
                        writeOnline(versions);
                    }
                }
            }
            publishOffline(bulk);
            tracker.offlineDone(progress.rowsRead());
            writeOnline(versions);
        } catch (FeatureStoreException e) {
            if (e instanceof IngestCancelledException || e instanceof IngestOnlineWriter.GroupChangedException
                    || progress.written() == 0) {
                throw e;
            }
            throw new FeatureStoreException(e.getMessage() + " (" + progress.written() + " rows were stored before"
                    + " this; both stores are consistent, and re-running the ingest once the file is fixed"
                    + " converges)", e);
        }
    }

    /** Publishes the offline rows added since the last checkpoint (all files at once, each atomically). */
    private void publishOffline(OfflineBulkAppend bulk) {
        if (bulk == null || bulk.pendingRows() == 0) {
            return;
        }
        checkCancelled();
        long rows = bulk.publish().rows();
        publishedRows += rows;
        tracker.published(publishedRows);
        progress.offlineWritten(rows);
    }

    private CatalogEntry created(FeatureGroupDefinition definition) {
        groups.create(definition);
        return groups.entry(definition.name());
    }

    private void writeOnline(OnlineVersions versions) {
        while (versions.size() > 0) {
            checkCancelled();
            long changed = onlineWriter.write(versions.take(limits.onlineBatchRows()));
            progress.onlineWritten(changed);
            tracker.onlineBatch(progress.writtenOnline());
        }
    }

    private void checkCancelled() {
        if (job.isCancelRequested()) {
            throw new IngestCancelledException("ingest " + job.id() + " cancelled");
        }
    }
}
