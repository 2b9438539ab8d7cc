package org.featureworkbench.query.stats;

import java.util.List;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.query.GroupTables;
import org.featureworkbench.query.Sql;
import org.featureworkbench.query.TimeTravel;

/**
 * The rows statistics read, as SQL over the group's native copy: every feature plus {@code _et}
 * (the event time as an instant). Immutable; thread-safe.
 */
final class GroupSource {
    private final FeatureGroup group;
    private final GroupTables tables;

    GroupSource(GroupTables tables) {
        this.group = tables.group();
        this.tables = tables;
    }

    FeatureGroup group() {
        return group;
    }

    String mirror() {
        return tables.mirrorTable();
    }

    List<FeatureDefinition> features() {
        return group.features();
    }

    /** Every stored row but delete markers (duplicates kept: what the offline store holds). */
    String history() {
        return "SELECT * FROM " + tables.mirrorTable() + " WHERE NOT is_deleted";
    }

    /** History rows with an event time in the window (both ends inclusive). */
    String window(EventWindow w) {
        return history() + " AND " + GroupTables.EVENT_INSTANT + " >= " + Sql.timestamp(w.from()) + " AND "
                + GroupTables.EVENT_INSTANT + " <= " + Sql.timestamp(w.to());
    }

    /** The state of every record now (DESIGN.md §3). */
    String latest() {
        return "SELECT *, " + eventInstant() + " AS " + GroupTables.EVENT_INSTANT + " FROM ("
                + new TimeTravel(tables).latest().sql() + ")";
    }

    /** One record's deduplicated history, delete markers left out. */
    String recordHistory(String recordId) {
        return "SELECT *, " + eventInstant() + " AS " + GroupTables.EVENT_INSTANT + " FROM ("
                + new TimeTravel(tables).history().record(recordId).sql() + ")";
    }

    private String eventInstant() {
        String name = group.definition().eventTimeFeatureName();
        FeatureType type = group.features().stream().filter(f -> f.name().equals(name)).findFirst()
                .map(FeatureDefinition::type).orElse(FeatureType.STRING);
        return GroupTables.eventInstant(Sql.identifier(name), type);
    }

    /** The feature named {@code name}, or a clear error. */
    FeatureDefinition feature(String name) {
        return group.features().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new org.featureworkbench.model.ValidationException("feature",
                        "feature group '" + group.name() + "' has no feature '" + name + "'; its features are "
                                + String.join(", ", group.features().stream().map(FeatureDefinition::name).toList())));
    }
}
