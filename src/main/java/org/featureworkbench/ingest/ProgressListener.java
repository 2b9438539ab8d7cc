package org.featureworkbench.ingest;

/**
 * Told how a long read is going. Called on the reading thread, at most a few times a second;
 * an implementation must return quickly (a GUI hands the numbers to its own thread).
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = progress -> { };

    void onProgress(IngestProgress progress);
}
