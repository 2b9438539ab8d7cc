package org.featureworkbench.core;

import javax.sql.DataSource;
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
 * @param database  the workspace database itself, for {@code check} and {@code repair}; null when
 *                  the store was assembled without one (then those skip the database)
 */
public record StoreServices(FeatureGroupCatalog catalog, OnlineStore online, OfflineStore offline,
                            WritePath writePath, Runnable onClose, DataSource database) {

    /** Services without direct access to the database (check and repair then skip it). */
    public StoreServices(FeatureGroupCatalog catalog, OnlineStore online, OfflineStore offline,
                         WritePath writePath, Runnable onClose) {
        this(catalog, online, offline, writePath, onClose, null);
    }
}
