package org.featureworkbench.core;

import org.featureworkbench.offline.OfflineStore;
import org.featureworkbench.online.OnlineStore;
import org.featureworkbench.registry.FeatureGroupCatalog;
import org.featureworkbench.writepath.WritePath;

/**
 * The services behind a {@link FeatureStore}, as {@code Workspace.open} assembles them.
 *
 * @param catalog   feature group definitions
 * @param online    latest values (H2)
 * @param offline   every version (Parquet)
 * @param writePath durable PutRecord/DeleteRecord (the record journal), its flusher and the TTL purge
 * @param onClose   releases what the workspace opened (database pool); run last on close
 */
public record StoreServices(FeatureGroupCatalog catalog, OnlineStore online, OfflineStore offline,
                            WritePath writePath, Runnable onClose) {
}
