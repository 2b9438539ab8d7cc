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

    /**
     * The group as far as its table has columns for it: its features whose column exists, in
     * definition order, or null when every feature has its column (the failure had another cause)
     * or the record id or event time has none (not a table being altered).
     */
    static FeatureGroup presentPart(Connection c, FeatureGroup group) throws SQLException {
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

    /**
     * The requested features the part has, or null when it has none of them (a read of only the
     * features being added waits for them, rather than answer a record without its features).
     * An empty or absent request means every feature.
     */
    static List<String> requestedPresent(List<String> requested, FeatureGroup part) {
        if (requested == null || requested.isEmpty()) {
            return requested;
        }
        List<String> present = requested.stream().filter(n -> part.definition().feature(n).isPresent()).toList();
        return present.isEmpty() ? null : present;
    }
}
