package org.featureworkbench.core;

/**
 * Told how an ingest is going: a few times a second while it reads and after each store write.
 * Called on the thread running the ingest; must return quickly (a GUI hands the snapshot to its
 * own thread) and must not throw.
 */
@FunctionalInterface
public interface IngestListener {
    IngestListener NONE = progress -> { };

    void onProgress(IngestJobProgress progress);
}
