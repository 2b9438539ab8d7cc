package org.featureworkbench.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.StoreServices;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.offline.ParquetOfflineStore;
import org.featureworkbench.online.H2OnlineStore;
import org.featureworkbench.registry.H2FeatureGroupCatalog;
import org.featureworkbench.workspace.Workspace;
import org.featureworkbench.writepath.WritePath;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A workspace's store stack, assembled as {@link Workspace#open} does (same JDBC URL, so the same
 * durability settings) but without the background tick, so the benchmark decides when the
 * journal is flushed and each phase is measured alone.
 */
final class BenchStack implements AutoCloseable {
    final JdbcConnectionPool pool;
    final FeatureStore store;

    BenchStack(Path dir) {
        pool = JdbcConnectionPool.create(Workspace.jdbcUrl(dir), "fwb", "");
        pool.setMaxConnections(32);
        H2FeatureGroupCatalog catalog = new H2FeatureGroupCatalog(pool);
        H2OnlineStore online = new H2OnlineStore(pool);
        ParquetOfflineStore offline = new ParquetOfflineStore(dir.resolve("offline-store"), dir.resolve("locks"));
        WritePath writePath = new WritePath(dir, pool, online, offline, catalog::find,
                () -> catalog.list(GroupListQuery.ALL), Clock.systemUTC());
        store = new FeatureStore(dir, new StoreServices(catalog, online, offline, writePath, pool::dispose));
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        store.close();
    }
}
