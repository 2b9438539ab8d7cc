package org.featureworkbench.core;

/**
 * A snapshot of a running ingest, for a progress bar.
 *
 * @param jobId          the job
 * @param state          where the job is
 * @param rowsRead       rows read in the current pass (a {@link IngestJob.State#VALIDATING} pass
 *                       reads the file once before the {@link IngestJob.State#WRITING} pass)
 * @param rowsRejected   rows rejected so far
 * @param writtenOffline rows published to the offline store so far
 * @param writtenOnline  online records changed so far
 * @param bytesRead      bytes of the file consumed in the current pass
 * @param totalBytes     the file's size
 * @param seconds        time since the job started
 */
public record IngestJobProgress(String jobId, IngestJob.State state, long rowsRead, long rowsRejected,
                                long writtenOffline, long writtenOnline, long bytesRead, long totalBytes,
                                double seconds) {

    /** Share of the current pass done, 0.0–1.0 (by bytes; the end of a pass is 1.0). */
    public double fraction() {
        return totalBytes <= 0 ? 0.0 : Math.min(1.0, (double) bytesRead / totalBytes);
    }

    /** Rows read per second so far. */
    public double rowsPerSecond() {
        return seconds <= 0 ? 0 : rowsRead / seconds;
    }

    /** This snapshot with another state. */
    IngestJobProgress withState(IngestJob.State newState) {
        return new IngestJobProgress(jobId, newState, rowsRead, rowsRejected, writtenOffline, writtenOnline, bytesRead,
                totalBytes, seconds);
    }
}
