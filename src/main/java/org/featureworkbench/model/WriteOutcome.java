package org.featureworkbench.model;

/**
 * What a conditional online write did, decided by comparing event times with the stored row
 * (ADR 0005). Every outcome still goes to the offline store; only the online row differs.
 */
public enum WriteOutcome {
    /** No readable row (none, or expired) or the stored event time was older: the row now holds this write. */
    NEWER_WRITTEN,
    /** The stored event time was equal: the later write replaced it (last writer wins, as the offline dedupe rule). */
    EQUAL_OVERWRITTEN,
    /** The stored event time was newer: the online row is unchanged; the write is history (offline only). */
    OLDER_IGNORED;

    /** Whether the online row changed. */
    public boolean onlineChanged() {
        return this != OLDER_IGNORED;
    }
}
