package org.featureworkbench.core;

import java.util.List;
import org.featureworkbench.ingest.IngestProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters of one running ingest: the reader's {@link IngestProgress} (through the ingest
 * package's {@code ProgressListener}) plus the rows written to each store. Each change is
 * published to the job and the listener as an {@link IngestJobProgress}. Used on the job's thread.
 */
final class JobProgress {
    private static final Logger LOG = LoggerFactory.getLogger(JobProgress.class);

    private final IngestJob job;
    private final IngestListener listener;
    private final long startNanos = System.nanoTime();
    private IngestJob.State state = IngestJob.State.QUEUED;
    private IngestProgress read = new IngestProgress(0, 0, 0, 0, 0);
    private long writtenOffline;
    private long writtenOnline;

    JobProgress(IngestJob job, IngestListener listener) {
        this.job = job;
        this.listener = listener == null ? IngestListener.NONE : listener;
    }

    void state(IngestJob.State next) {
        state = next;
        read = new IngestProgress(0, 0, 0, 0, read.totalBytes());
        publish();
    }

    /** The reader's ProgressListener. */
    void read(IngestProgress next) {
        read = next;
        publish();
    }

    void offlineWritten(long rows) {
        writtenOffline += rows;
        publish();
    }

    void onlineWritten(long records) {
        writtenOnline += records;
        publish();
    }

    long rowsRead() {
        return read.rowsRead();
    }

    long writtenOnline() {
        return writtenOnline;
    }

    /** Rows or records written to either store so far. */
    long written() {
        return writtenOffline + writtenOnline;
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    IngestJobProgress snapshot(IngestJob.State s) {
        return new IngestJobProgress(job.id(), s, read.rowsRead(), read.rowsRejected(), writtenOffline, writtenOnline,
                read.bytesRead(), read.totalBytes(), seconds());
    }

    IngestSummary summary(RejectsTarget rejects, boolean cancelled, List<String> notes, List<String> ignoredColumns) {
        return new IngestSummary(job.id(), job.request().groupName(), read.rowsRead(), writtenOnline, writtenOffline,
                rejects.count(), seconds(), rejects.fileOrNull(), cancelled, notes, ignoredColumns);
    }

    private void publish() {
        IngestJobProgress p = snapshot(state);
        job.update(p);
        try {
            listener.onProgress(p);
        } catch (RuntimeException e) {
            // A broken progress bar must not fail the ingest.
            LOG.warn("Ingest progress listener failed", e);
        }
    }
}
