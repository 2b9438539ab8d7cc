package org.featureworkbench.ingest;

/**
 * Receives every row that cannot be stored, so none is lost silently. Called on the reading
 * thread, in file order.
 */
@FunctionalInterface
public interface RejectSink {
    /** Drops rejects (they are still counted by the {@link IngestReader}). */
    RejectSink NONE = rejection -> { };

    /**
     * @throws org.featureworkbench.model.FeatureStoreException when the reject cannot be recorded
     *         (e.g. the rejects file cannot be written); the ingest must then stop
     */
    void reject(RowRejection rejection);
}
