package org.featureworkbench.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.online.H2OnlineStore;
import org.featureworkbench.workspace.Workspace;

/**
 * Changes a group's online table behind the store's back, from a database session of its own: a
 * column dropped stands for the moment an add-features copy is under way (the catalog has the
 * feature, the table not yet), and the column added again for the copy put in place.
 */
public final class OnlineTableBehindTheStore {
    private OnlineTableBehindTheStore() {
    }

    /** The name of {@code groupName}'s online table. */
    public static String of(FeatureStore store, String groupName) {
        return H2OnlineStore.tableName(store.describeFeatureGroup(groupName));
    }

    /** Runs {@code ALTER TABLE "table" change} on the database of {@code workspace}. */
    public static void alter(Path workspace, String table, String change) {
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(workspace), "fwb", "");
             Statement s = c.createStatement()) {
            s.execute("ALTER TABLE \"" + table + "\" " + change);
        } catch (SQLException e) {
            throw new IllegalStateException("ALTER TABLE " + table + " " + change + " failed", e);
        }
    }
}
