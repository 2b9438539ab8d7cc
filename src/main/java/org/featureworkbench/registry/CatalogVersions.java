package org.featureworkbench.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * The catalog's per-group version stamp, readable inside any transaction on the workspace
 * database. The data path keeps groups in a cache ({@link GroupCache}) and compares the cached
 * stamp with this one, so a change made by another process (features added, group deleted or
 * re-created) is noticed by the next read or write instead of writing with a stale definition.
 */
public final class CatalogVersions {
    /**
     * A scalar subquery giving the current version of the group named by its one parameter (NULL
     * when the group does not exist). Embedded in a lookup, it costs one index probe and no round trip.
     */
    public static final String SUBQUERY = "(SELECT VERSION FROM FWB_FEATURE_GROUP WHERE NAME = ?)";

    private static final String SELECT = "SELECT VERSION FROM FWB_FEATURE_GROUP WHERE NAME = ?";

    private CatalogVersions() {
    }

    /** The group's current version on this connection (in its transaction), or empty when it does not exist. */
    public static OptionalLong current(Connection c, String groupName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, groupName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * @throws StaleDefinitionException when the group's current version is not {@code expected}
     */
    public static void require(Connection c, String groupName, long expected) throws SQLException {
        OptionalLong now = current(c, groupName);
        if (now.isEmpty() || now.getAsLong() != expected) {
            throw new StaleDefinitionException(groupName);
        }
    }
}
