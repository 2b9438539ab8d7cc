package org.featureworkbench.ingest;

import org.featureworkbench.model.FeatureStoreException;

/**
 * One value cannot be stored as its feature's type. Thrown for single values (a GUI field, a
 * PutRecord value); during a file ingest it becomes a rejected row, so it carries no stack trace
 * (a million bad rows must not cost a million stack walks).
 */
public final class ValueRejectedException extends FeatureStoreException {
    private static final long serialVersionUID = 1L;

    public ValueRejectedException(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
