package org.featureworkbench.online;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;

/**
 * Reads of a group whose features are being added (ADR 0021, addendum 7). AddFeatures publishes the
 * new definition, then H2 copies the table to add the columns; until the copy is put in place the
 * table lacks them. No record can have a value for a feature whose column does not exist yet, and
 * writes are refused meanwhile, so a read that uses only the columns the table has answers exactly
 * what is stored. Stateless.
 */
final class TableBeingAltered {
    private TableBeingAltered() {
    }

    /** H2's "Column not found" (ErrorCode.COLUMN_NOT_FOUND_1). */
    private static final int COLUMN_NOT_FOUND = 42122;

    /**
     * How to read a table being altered: the part of the group's table that exists, and the
     * projection of the requested features it has; the projection is null when only features
     * being added were asked for (such a read waits for them, rather than answer a record
     * without its features).
     */
    record Part(OnlineTable table, OnlineTable.Projection projection) {
        boolean onlyAddedFeaturesAsked() {
            return projection == null;
        }
    }

    /** Whether the failure is a statement naming a column the table does not have (yet). */
    static boolean columnMissing(SQLException e) {
        return e.getErrorCode() == COLUMN_NOT_FOUND;
    }

    /**
     * How to read {@code projection} (null or empty: every feature) of the group while its table
     * lacks the columns of some of its features, or null when the table has every column.
     */
    static Part part(Connection c, FeatureGroup group, List<String> projection) throws SQLException {
        FeatureGroup part = presentPart(c, group);
        if (part == null) {
            return null;
        }
        // Not from the store's table cache: its key (name, creation, feature count) does not tell which
        // features a part has, e.g. after an add-features that failed half-way and a later one.
        OnlineTable t = new OnlineTable(part);
        if (projection == null || projection.isEmpty()) {
            return new Part(t, t.projection(projection));
        }
        List<String> present = projection.stream().filter(n -> part.definition().feature(n).isPresent()).toList();
        return new Part(t, present.isEmpty() ? null : t.projection(present));
    }

    /** Whether the group's table still lacks a column of its definition (the copy is not in place yet). */
    static boolean stillAltered(Connection c, FeatureGroup group) throws SQLException {
        return presentPart(c, group) != null;
    }

    /**
     * The group as far as its table has columns for it: its features whose column exists, in
     * definition order, or null when every feature has its column (the failure had another cause)
     * or the record id or event time has none (not a table being altered).
     */
    private static FeatureGroup presentPart(Connection c, FeatureGroup group) throws SQLException {
        Set<String> columns = new HashSet<>();
        // Preparing reads the table's shape from the schema and takes no lock: the copy does not hold it up.
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + OnlineTable.quote(OnlineTable.tableName(group))
                + " WHERE FALSE")) {
            ResultSetMetaData shape = ps.getMetaData();
            for (int i = 1; i <= shape.getColumnCount(); i++) {
                columns.add(shape.getColumnName(i));
            }
        }
        List<FeatureDefinition> present = group.features().stream().filter(f -> columns.contains(f.name())).toList();
        if (present.size() == group.features().size()
                || !columns.contains(group.definition().recordIdentifierFeatureName())
                || !columns.contains(group.definition().eventTimeFeatureName())) {
            return null;
        }
        return new FeatureGroup(group.definition().withFeatures(present), group.creationTime(),
                group.lastModifiedTime(), group.status());
    }
}
