package org.featureworkbench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.offline.JobFiles;
import org.featureworkbench.registry.CatalogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batch ingestion of files (issue 4), reached through {@link FeatureStore#ingest()}: schema
 * inference for a new group, and ingest jobs that stream a CSV, Parquet or JSON Lines file into
 * the offline store (bulk, hour-partitioned, atomically published files) and the online store
 * (newest version per record id, only where newer than stored). The write order and its
 * guarantees are ADR 0008; coercion and event-time rules are docs/ingest.md.
 *
 * <p><b>Jobs.</b> {@link #submit} registers a job and returns at once; {@link #run} runs it on the
 * calling thread (a GUI calls it from its background executor) and returns its summary; {@link
 * IngestJob#cancel()} from any thread stops it within a second. {@link #jobs()} lists this
 * process's running and finished jobs, newest first. {@link #ingest} is submit + run.
 *
 * <p><b>Threading.</b> Thread-safe; jobs run in parallel on their callers' threads. Methods block
 * on I/O, so never call {@code run}, {@code ingest} or {@code infer} on the JavaFX thread.
 *
 * <p><b>Errors.</b> {@link org.featureworkbench.model.FeatureStoreException}s whose messages say
 * what went wrong, where ({@code file:line}) and how to fix it: a file-level problem (missing,
 * empty, unreadable header, unterminated quote…), a request that does not fit the group, or — with
 * {@link IngestRequest.OnError#FAIL} — any bad row (nothing is written then). Bad rows under
 * {@link IngestRequest.OnError#SKIP} are not errors: they go to the rejects file and are counted.
 */
public final class IngestOperations {
    private static final Logger LOG = LoggerFactory.getLogger(IngestOperations.class);

    private final FeatureStore store;
    private final StoreServices services;
    private final IngestJobs jobs;
    private final Clock clock;
    private final BatchIngest.Limits limits;
    private final IngestJobFiles jobFiles;
    private final ResumableIngests resumable;
    private final Consumer<IngestJobTracker.Milestone> milestoneHook;

    IngestOperations(FeatureStore store, StoreServices services) {
        this(store, services, new IngestJobs(Clock.systemUTC()), Clock.systemUTC(), BatchIngest.Limits.DEFAULT,
                m -> { });
    }

    private IngestOperations(FeatureStore store, StoreServices services, IngestJobs jobs, Clock clock,
                             BatchIngest.Limits limits, Consumer<IngestJobTracker.Milestone> milestoneHook) {
        this.store = store;
        this.services = services;
        this.jobs = jobs;
        this.clock = clock;
        this.limits = limits;
        this.milestoneHook = milestoneHook;
        this.jobFiles = new IngestJobFiles(store.workspaceDirectory().resolve("jobs"));
        this.resumable = new ResumableIngests(jobFiles, store, services.offline(), clock);
    }

    /** The same operations and job list with other limits (tests use tiny ones to cross checkpoints). */
    IngestOperations withLimits(BatchIngest.Limits newLimits) {
        return new IngestOperations(store, services, jobs, clock, newLimits, milestoneHook);
    }

    /** The same operations told each job milestone (tests halt the process at one). */
    IngestOperations withMilestoneHook(Consumer<IngestJobTracker.Milestone> hook) {
        return new IngestOperations(store, services, jobs, clock, limits, hook);
    }

    /**
     * Suggests a feature group for a file from its first 10,000 rows, like SageMaker's
     * {@code load_feature_definitions} (rules in docs/ingest.md). Reads only; creates nothing.
     *
     * @throws org.featureworkbench.model.FeatureStoreException when the file cannot be read, has no
     *         rows, none of the sampled rows is readable (e.g. every row has more fields than the
     *         header), or a column named in the options does not exist
     */
    public InferredGroup infer(Path file, FileOptions fileOptions, InferOptions options) {
        return IngestSources.infer(file, fileOptions == null ? FileOptions.DETECT : fileOptions,
                options == null ? InferOptions.SUGGEST : options);
    }

    /**
     * The columns of {@code file} that group {@code groupName} has no feature for (matched as the
     * ingest matches them: by name, ignoring case), as features typed from the first 10,000 rows.
     * Reads only.
     *
     * @throws org.featureworkbench.model.ResourceNotFoundException when the group does not exist
     * @throws org.featureworkbench.model.FeatureStoreException when the file cannot be read
     */
    public NewColumns newColumns(String groupName, Path file, FileOptions fileOptions) {
        FeatureGroup group = store.describeFeatureGroup(groupName);
        return NewColumns.of(group, infer(file, fileOptions, new InferOptions(null, null, null, true)));
    }

    /**
     * Adds {@link #newColumns} as features of the group (UpdateFeatureGroup with FeatureAdditions),
     * so the next ingest of the file keeps them; refused like any add-features while an ingest into
     * the group runs. Features cannot be removed again, so nothing is added for a file that ingest
     * would refuse anyway: one without the record identifier's column, or without the event time's
     * column unless {@code stampEventTime}.
     *
     * @return the columns that were added (their features), and those that need a new name first
     * @throws org.featureworkbench.model.ValidationException when the file lacks the record
     *         identifier's or the event time's column; nothing was added
     */
    public NewColumns addNewColumnsAsFeatures(String groupName, Path file, FileOptions fileOptions,
                                              boolean stampEventTime) {
        FeatureGroup group = store.describeFeatureGroup(groupName);
        InferredGroup inferred = infer(file, fileOptions, new InferOptions(null, null, null, true));
        requireColumn(inferred, group.definition().recordIdentifierFeatureName(), "record identifier",
                "Rename the column in the file, or ingest into a new group.");
        if (!stampEventTime) {
            requireColumn(inferred, group.definition().eventTimeFeatureName(), "event time",
                    "Add the column, or stamp every row with the ingest time.");
        }
        NewColumns columns = NewColumns.of(group, inferred);
        if (!columns.features().isEmpty()) {
            store.addFeatures(groupName, columns.features());
        }
        return columns;
    }

    private static void requireColumn(InferredGroup inferred, String feature, String role, String fix) {
        if (inferred.columns().stream().noneMatch(c -> c.column().equalsIgnoreCase(feature))) {
            throw new ValidationException("", "the file has no column for the " + role
                    + " '" + feature + "', so it cannot be ingested and no feature was added. " + fix);
        }
    }

    /**
     * The first records of a file as an ingest would read them, for a preview before inferring or
     * ingesting: the format and CSV dialect used, the columns with the types inference gives them
     * over these records, the readable rows, and the rows that cannot be read (each with the reason
     * the ingest's rejects file would give). Reads only. Blocks on I/O: never call it on the JavaFX thread.
     *
     * @param options  how to read the file; null detects everything
     * @param maxRows  how many records to read at most, readable or not (the wizard shows 100)
     * @throws org.featureworkbench.model.FeatureStoreException on a file-level problem, with the
     *         ingest's message (missing, a directory, empty, no header, undecodable, unterminated quote…)
     * @throws IllegalArgumentException when {@code maxRows} is not positive
     */
    public FilePreview preview(Path file, FileOptions options, int maxRows) {
        return FilePreviewer.preview(file, options, maxRows);
    }

    /** Registers a job for the request without starting it; it is listed by {@link #jobs()} as QUEUED. */
    public IngestJob submit(IngestRequest request) {
        IngestJob job = jobs.add(request);
        LOG.info("Ingest job {} submitted: {} into {}", job.id(), request.file(), request.groupName());
        return job;
    }

    /**
     * Runs a submitted job on the calling thread until it ends.
     *
     * @param listener told about progress (may be null)
     * @return the summary; {@link IngestSummary#cancelled()} when {@link IngestJob#cancel()} stopped it
     * @throws org.featureworkbench.model.FeatureStoreException when the job fails (also recorded on the job)
     * @throws InterruptedIngestException when an interrupted ingest of the same file into the same
     *         group is neither resumed nor given up (nothing is written; the job is FAILED)
     * @throws IllegalStateException when the job has already been run
     */
    public IngestSummary run(IngestJob job, IngestListener listener) {
        synchronized (job) {
            if (job.state() != IngestJob.State.QUEUED) {
                throw new IllegalStateException("ingest job " + job.id() + " has already run");
            }
            job.update(job.progress().withState(IngestJob.State.VALIDATING));
        }
        try {
            if (!job.isResume()) {
                // Before anything is written, a group created included (ADR 0020, addendum).
                resumable.refuseRerunOfInterrupted(job.request());
            }
            IngestJobFiles.Claim claim = jobFiles.claim(job.id()).orElseThrow(() -> new FeatureStoreException(
                    "ingest " + job.id() + " is running in another process; 'jobs' shows it, wait for it to end"));
            IngestJobTracker tracker;
            try {
                tracker = new IngestJobTracker(jobFiles, claim, job.isResume() ? resumable.reclaim(job.id()) : newRecord(job),
                        milestoneHook);
            } catch (RuntimeException e) {
                claim.close();
                throw e;
            }
            return execute(job, tracker, listener);
        } catch (RuntimeException e) {
            if (!job.state().finished()) {
                job.failed(e.getMessage(), job.progress().withState(IngestJob.State.FAILED));
            }
            throw e;
        }
    }

    private IngestSummary execute(IngestJob job, IngestJobTracker tracker, IngestListener listener) {
        try (tracker) {
            IngestRequest request = job.request();
            Instant invokedAt = Instant.ofEpochMilli(tracker.record().invokedAtMs());
            Path rejects = request.rejectsFile() != null ? request.rejectsFile() : defaultRejectsFile(job.id());
            BatchIngest ingest = new BatchIngest(job, groups(), services.online(), services.offline(), limits, listener,
                    invokedAt, tracker);
            try {
                IngestSummary summary = ingest.run(rejects, request.rejectsFile() != null);
                // The online upserts bypass the record journal: in the database file before "done" (ADR 0010).
                services.writePath().makeDurable();
                tracker.ended(summary.cancelled() ? IngestJobRecord.Status.CANCELLED : IngestJobRecord.Status.SUCCEEDED,
                        summary.rowsRead(), summary.writtenOnline(), null);
                job.succeeded(summary, job.progress().withState(summary.cancelled() ? IngestJob.State.CANCELLED
                        : IngestJob.State.SUCCEEDED));
                LOG.info("Ingest job {} {}: read {}, online {}, offline {}, rejected {} in {} s", job.id(),
                        summary.cancelled() ? "cancelled" : "finished", summary.rowsRead(), summary.writtenOnline(),
                        summary.writtenOffline(), summary.rejected(), String.format("%.2f", summary.seconds()));
                return summary;
            } catch (RuntimeException e) {
                tracker.ended(IngestJobRecord.Status.FAILED, job.progress().rowsRead(), job.progress().writtenOnline(),
                        e.getMessage());
                job.failed(e.getMessage(), job.progress().withState(IngestJob.State.FAILED));
                LOG.warn("Ingest job {} failed", job.id(), e);
                throw e;
            }
        }
    }

    private IngestJobRecord newRecord(IngestJob job) {
        jobFiles.forgetOldEnded();
        Path file = job.request().file();
        long size = -1;
        long modified = -1;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            // The ingest itself reports the missing or unreadable file in its own words.
        }
        long now = clock.millis();
        return new IngestJobRecord(job.id(), JobFiles.newToken(), IngestJobRecord.Status.RUNNING,
                ProcessHandle.current().pid(), StoredRequests.of(job.request()), size, modified, null, now, now, now,
                0, 0, 0, 0, false, 0, null);
    }

    /** {@link #submit} and {@link #run} in one call. */
    public IngestSummary ingest(IngestRequest request, IngestListener listener) {
        return run(submit(request), listener);
    }

    /**
     * Registers the resume of an ingest that did not finish — interrupted (its process ended),
     * failed or cancelled — without starting it; {@link #run} continues it: the file is read again,
     * the rows its earlier runs published offline are not written again, and the online store gets
     * the newest version of every record (ADR 0020). The job keeps its id.
     *
     * @param idOrFile the job id, or the file it ingests (its latest unfinished job)
     * @throws FeatureStoreException when no unfinished job matches, it is running in a process,
     *         the file changed since the job started, or its group was deleted or re-created
     */
    public IngestJob submitResume(String idOrFile) {
        IngestJobRecord record = resumable.find(idOrFile);
        IngestRequest request = StoredRequests.toRequest(record.request());
        IngestJob job = jobs.addResumed(record, request);
        LOG.info("Ingest job {} resumed: {} into {} ({} rows were offline)", job.id(), request.file(),
                request.groupName(), record.rowsPublished());
        return job;
    }

    /**
     * Gives up an unfinished ingest: it is marked CANCELLED and no longer reported as
     * interrupted. What it stored stays; nothing is deleted.
     *
     * @return the record as it is now
     * @throws FeatureStoreException when no unfinished job matches or it is running in a process
     */
    public IngestJobRecord abandon(String idOrFile) {
        return resumable.abandon(idOrFile);
    }

    /** {@link #submitResume} and {@link #run} in one call. */
    public IngestSummary resume(String idOrFile, IngestListener listener) {
        return run(submitResume(idOrFile), listener);
    }

    /**
     * Every ingest recorded in the workspace by any process, newest first (the latest
     * {@value IngestJobFiles#KEPT_ENDED} ended ones, and all unfinished ones): running (its process
     * is alive), interrupted (its process ended before it did), succeeded, failed or cancelled.
     */
    public List<IngestJobRecord> workspaceJobs() {
        return jobFiles.list();
    }

    /** The recorded ingests whose process ended before they did: each can be {@linkplain #resume resumed}. */
    public List<IngestJobRecord> interruptedJobs() {
        return jobFiles.list().stream().filter(r -> r.status() == IngestJobRecord.Status.INTERRUPTED).toList();
    }

    /** {@code <workspace>/jobs}: one record per ingest job. */
    public Path jobsDirectory() {
        return store.workspaceDirectory().resolve("jobs");
    }

    /** This process's jobs, newest first: all running ones and the latest finished ones. */
    public List<IngestJob> jobs() {
        return jobs.list();
    }

    /** The job with this id, if this process still lists it. */
    public Optional<IngestJob> job(String id) {
        return jobs.find(id);
    }

    /** {@code <workspace>/exports/rejects/<job id>.csv}: where a job's rejects go unless the request names a file. */
    public Path defaultRejectsFile(String jobId) {
        return store.exportsDirectory().resolve("rejects").resolve(jobId + ".csv");
    }

    private BatchIngest.Groups groups() {
        return new BatchIngest.Groups() {
            @Override
            public CatalogEntry entry(String name) {
                return services.catalog().findEntry(name).orElseThrow(() -> FeatureStore.notFound(name));
            }

            @Override
            public boolean exists(String name) {
                return store.findFeatureGroup(name).isPresent();
            }

            @Override
            public FeatureGroup create(FeatureGroupDefinition definition) {
                return store.createFeatureGroup(definition);
            }
        };
    }
}
