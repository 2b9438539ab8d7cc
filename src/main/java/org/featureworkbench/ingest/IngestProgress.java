package org.featureworkbench.ingest;

/**
 * A snapshot of a read's progress.
 *
 * @param rowsRead     rows read from the source so far (accepted + rejected)
 * @param rowsAccepted rows mapped successfully
 * @param rowsRejected rows sent to the reject sink
 * @param bytesRead    bytes of the file consumed (may run ahead of the rows by a buffer)
 * @param totalBytes   the file's size
 */
public record IngestProgress(long rowsRead, long rowsAccepted, long rowsRejected, long bytesRead, long totalBytes) {
    /** Share of the file read, 0.0–1.0. */
    public double fraction() {
        return totalBytes <= 0 ? 1.0 : Math.min(1.0, (double) bytesRead / totalBytes);
    }
}
