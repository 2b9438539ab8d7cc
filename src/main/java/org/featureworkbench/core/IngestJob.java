package org.featureworkbench.core;

import java.time.Instant;
import java.util.Optional;

/**
 * One ingest: its id and request, where it is, and how it ended. Created by
 * {@link IngestOperations#submit}, run by {@link IngestOperations#run}, listed by
 * {@link IngestOperations#jobs()} while running and after.
 *
 * <p>Thread-safe: the running thread updates it; any thread may read it or {@link #cancel()} it.
 */
public final class IngestJob {

    /** Where a job is. */
    public enum State {
        /** Submitted, not started. */
        QUEUED,
        /** Reading the whole file to check every row first ({@code --on-error fail}); nothing is written. */
        VALIDATING,
        /** Reading and writing the stores. */
        WRITING,
        /** Finished; see {@link #summary()}. */
        SUCCEEDED,
        /** Stopped by an error; see {@link #failure()}; what was written before stays (consistent). */
        FAILED,
        /** Stopped by {@link #cancel()}; see {@link #summary()} for what was written before. */
        CANCELLED;

        /** Whether the job has started and not ended. */
        public boolean running() {
            return this == VALIDATING || this == WRITING;
        }

        /** Whether the job has ended. */
        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    private final String id;
    private final IngestRequest request;
    private final Instant submittedAt;
    private volatile boolean cancelRequested;
    private volatile IngestJobProgress progress;
    private volatile IngestSummary summary;
    private volatile String failure;

    /** The record of the interrupted run this job resumes, or null for a new job. */
    private final IngestJobRecord resumes;

    IngestJob(String id, IngestRequest request, Instant submittedAt) {
        this(id, request, submittedAt, null);
    }

    IngestJob(String id, IngestRequest request, Instant submittedAt, IngestJobRecord resumes) {
        this.resumes = resumes;
        this.id = id;
        this.request = request;
        this.submittedAt = submittedAt;
        this.progress = new IngestJobProgress(id, State.QUEUED, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The job id, e.g. {@code 20240501T120000Z-k3F9}: sortable by submission time, unique in a workspace. */
    public String id() {
        return id;
    }

    /** Whether this job continues an earlier run that did not finish ({@link IngestOperations#submitResume}). */
    public boolean isResume() {
        return resumes != null;
    }

    IngestJobRecord resumes() {
        return resumes;
    }

    public IngestRequest request() {
        return request;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public State state() {
        return progress.state();
    }

    /** The latest progress snapshot. */
    public IngestJobProgress progress() {
        return progress;
    }

    /** The summary once the job succeeded or was cancelled. */
    public Optional<IngestSummary> summary() {
        return Optional.ofNullable(summary);
    }

    /** The error message once the job failed. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Asks the job to stop; it does within a second, leaving both stores consistent (whole offline
     * files, whole online transactions). Does nothing to a job that has ended.
     */
    public void cancel() {
        cancelRequested = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelRequested() {
        return cancelRequested;
    }

    void update(IngestJobProgress next) {
        progress = next;
    }

    void succeeded(IngestSummary result, IngestJobProgress last) {
        summary = result;
        progress = last;
    }

    void failed(String message, IngestJobProgress last) {
        failure = message;
        progress = last;
    }

    @Override
    public String toString() {
        return "ingest " + id + " of " + request.file() + " into " + request.groupName() + " (" + state() + ")";
    }
}
