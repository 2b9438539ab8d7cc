package org.featureworkbench.model;

/**
 * Whether a group keeps every version of its records in the Parquet offline store.
 *
 * @param enabled whether an offline store exists for the group
 */
public record OfflineStoreConfig(boolean enabled) {
    public static final OfflineStoreConfig DISABLED = new OfflineStoreConfig(false);
    public static final OfflineStoreConfig ENABLED = new OfflineStoreConfig(true);
}
