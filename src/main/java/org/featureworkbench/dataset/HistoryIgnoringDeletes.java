package org.featureworkbench.dataset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.query.GroupTables;
import org.featureworkbench.query.Sql;

/**
 * A group base's rows with deleted records included (ADR 0015, addendum 2026-12-05 (c)): the
 * markers are dropped before anything else, as if never written — as SageMaker's DatasetBuilder
 * reads a base group with {@code include_deleted_records()} — then the rows are deduplicated per
 * (record id, event time) and cut to the N most recent per record. So a marker is never a base
 * row, and a row that shares its record id and event time with a marker is kept.
 * {@code TimeTravel}'s history with deleted records included lists the markers instead: a
 * listing shows what was written, a training set wants labelled events.
 */
final class HistoryIgnoringDeletes {
    private HistoryIgnoringDeletes() {
    }

    /** Every column of the group's copy (features, offline columns, {@code _et}…), in no order; {@code asOf} null = all rows. */
    static String sql(GroupTables tables, DatasetSpec spec, Instant asOf) {
        List<String> where = new ArrayList<>(List.of("NOT is_deleted"));
        if (asOf != null) {
            where.add("write_time <= " + Sql.timestamp(asOf));
        }
        if (spec.eventFrom() != null) {
            where.add(GroupTables.EVENT_INSTANT + " >= " + Sql.timestamp(spec.eventFrom()));
        }
        if (spec.eventTo() != null) {
            where.add(GroupTables.EVENT_INSTANT + " <= " + Sql.timestamp(spec.eventTo()));
        }
        String rows = "SELECT * FROM " + tables.mirrorTable() + " WHERE " + String.join(" AND ", where);
        if (!spec.includeDuplicates()) {
            rows = "SELECT * FROM (" + rows + ") QUALIFY row_number() OVER (PARTITION BY " + tables.recordId() + ", "
                    + GroupTables.EVENT_INSTANT + " ORDER BY " + GroupTables.NEWEST_FIRST + ") = 1";
        }
        if (spec.recent() > 0) {
            rows = "SELECT * FROM (" + rows + ") QUALIFY row_number() OVER (PARTITION BY " + tables.recordId()
                    + " ORDER BY " + GroupTables.NEWEST_FIRST + ") <= " + spec.recent();
        }
        return rows;
    }
}
