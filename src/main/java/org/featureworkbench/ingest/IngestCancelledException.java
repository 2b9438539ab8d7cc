package org.featureworkbench.ingest;

import org.featureworkbench.model.FeatureStoreException;

/** The user cancelled a read; what was read before stays counted. */
public final class IngestCancelledException extends FeatureStoreException {
    private static final long serialVersionUID = 1L;

    public IngestCancelledException(String message) {
        super(message);
    }
}
