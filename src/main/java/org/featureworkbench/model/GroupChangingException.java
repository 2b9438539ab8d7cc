package org.featureworkbench.model;

/**
 * A group's online table does not yet match its definition because the group is being changed,
 * e.g. features were added to the catalog and the table's ALTER (by this or another process) has
 * not finished. Transient: the same call succeeds once the change is done. The API answers it
 * with ServiceUnavailable, which the SDKs retry (ADR 0021 addendum 3-stall).
 */
public final class GroupChangingException extends FeatureStoreException {
    public GroupChangingException(String message, Throwable cause) {
        super(message, cause);
    }
}
