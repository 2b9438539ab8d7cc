package org.featureworkbench.query;

import java.time.Instant;
import java.util.Objects;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;

/**
 * Starting points for a user's own SQL over one group, written the way a person would write them:
 * over the user-visible view {@code "<group>"}, one clause a line, with a comment saying what the
 * query answers. They follow the one rule of DESIGN.md §3: a record's rows are ordered by
 * {@code event_instant(<event time>)} (never the event time's text), then
 * {@code api_invocation_time}, then {@code write_time}. Pure and thread-safe; the Explore page
 * puts them in its editor, where the user changes them.
 */
public final class QueryTemplates {
    /** The templates offered per group, in menu order. */
    public enum Template {
        LATEST("Latest snapshot"),
        AS_OF("Time travel: as the store knew it at a write time"),
        WITHOUT_DUPLICATES("Full history without duplicates"),
        DELETED("Deleted records, with their last values"),
        COUNT_BY_HOUR("Rows per hour of event time"),
        RECORD_HISTORY("One record's history");

        private final String label;

        Template(String label) {
            this.label = label;
        }

        /** The menu text. */
        public String label() {
            return label;
        }
    }

    private final FeatureGroup group;
    private final String table;
    private final String id;
    private final String eventInstant;
    private final String newestFirst;
    // The newest row of a record first (DESIGN.md §3), one clause a line.
    private final String window;

    public QueryTemplates(FeatureGroup group) {
        this.group = Objects.requireNonNull(group, "group");
        this.table = Sql.identifier(group.name());
        this.id = Sql.identifier(group.definition().recordIdentifierFeatureName());
        this.eventInstant = "event_instant(" + Sql.identifier(group.definition().eventTimeFeatureName()) + ")";
        this.newestFirst = eventInstant + " DESC, api_invocation_time DESC, write_time DESC";
        this.window = "row_number() OVER (\n      PARTITION BY " + id + "\n      ORDER BY " + newestFirst + ")";
    }

    /**
     * The SQL of one template.
     *
     * @param asOf     the write time of {@link Template#AS_OF} (other templates ignore it)
     * @param recordId the record of {@link Template#RECORD_HISTORY} (other templates ignore it)
     */
    public String sql(Template template, Instant asOf, String recordId) {
        return switch (template) {
            case LATEST -> latest();
            case AS_OF -> asOf(asOf);
            case WITHOUT_DUPLICATES -> withoutDuplicates();
            case DELETED -> deleted();
            case COUNT_BY_HOUR -> countByHour();
            case RECORD_HISTORY -> recordHistory(recordId);
        };
    }

    /** The state of every record now: its newest row, unless that row is a delete marker. */
    public String latest() {
        return "-- Latest snapshot of " + table + ": the newest row of every record; deleted records are left out\n"
                + newestRowPerRecord(table) + "\nWHERE _n = 1 AND NOT is_deleted";
    }

    /** The latest snapshot as the store knew it at {@code writeTime}: rows written later do not exist yet. */
    public String asOf(Instant writeTime) {
        Objects.requireNonNull(writeTime, "writeTime");
        String time = Sql.timestamp(writeTime);
        return "-- " + table + " as the store knew it at " + writeTime + ": rows written later (backfills too) are left out\n"
                + "SELECT * EXCLUDE (_n)\n"
                + "FROM (\n"
                + "  SELECT *, " + window + " AS _n\n"
                + "  FROM " + table + "\n"
                + "  WHERE write_time <= " + time + "\n"
                + ")\n"
                + "WHERE _n = 1 AND NOT is_deleted";
    }

    /** Every version of every record, one row per record and event time (the last written wins), oldest first. */
    public String withoutDuplicates() {
        return "-- Full history of " + table + ": rows with the same record and event time are duplicates; "
                + "the last written stays\n"
                + "SELECT * EXCLUDE (_d)\n"
                + "FROM (\n"
                + "  SELECT *, row_number() OVER (\n"
                + "      PARTITION BY " + id + ", " + eventInstant + "\n"
                + "      ORDER BY api_invocation_time DESC, write_time DESC) AS _d\n"
                + "  FROM " + table + "\n"
                + ")\n"
                + "WHERE _d = 1\n"
                + "ORDER BY " + id + ", " + eventInstant;
    }

    /**
     * Records whose newest row is a delete marker, each with its last values before the delete
     * (delete markers carry no feature values) and {@code deleted_now = true}.
     */
    public String deleted() {
        return "-- Records of " + table + " deleted now (their newest row is a delete marker), with the last values "
                + "they had.\n"
                + "-- Drop \"AND deleted_now\" to list every record, deleted or not.\n"
                + "SELECT * EXCLUDE (_n)\n"
                + "FROM (\n"
                + "  SELECT *, " + window + " AS _n\n"
                + "  FROM (\n"
                + "    SELECT *, first_value(is_deleted) OVER (PARTITION BY " + id + " ORDER BY " + newestFirst
                + ")\n      AS deleted_now\n"
                + "    FROM " + table + "\n"
                + "  )\n"
                + "  WHERE NOT is_deleted\n"
                + ")\n"
                + "WHERE _n = 1 AND deleted_now\n"
                + "ORDER BY " + id;
    }

    /** Rows per hour of event time (delete markers included), and how many distinct records they touch. */
    public String countByHour() {
        return "-- Rows of " + table + " per hour of event time (UTC), and how many records they touch\n"
                + "SELECT date_trunc('hour', " + eventInstant + ") AS event_hour,\n"
                + "       count(*) AS row_count,\n"
                + "       count(DISTINCT " + id + ") AS record_count\n"
                + "FROM " + table + "\n"
                + "GROUP BY event_hour\n"
                + "ORDER BY event_hour";
    }

    /** Every row of one record, delete markers and duplicates included, oldest first. */
    public String recordHistory(String recordId) {
        return "-- Every row of one record of " + table + ", oldest first (delete markers and duplicates included)\n"
                + "SELECT *\n"
                + "FROM " + table + "\n"
                + "WHERE " + id + " = " + recordIdLiteral(recordId) + "\n"
                + "ORDER BY " + eventInstant + ", api_invocation_time, write_time";
    }

    private String newestRowPerRecord(String from) {
        return "SELECT * EXCLUDE (_n)\n"
                + "FROM (\n"
                + "  SELECT *, " + window + " AS _n\n"
                + "  FROM " + from + "\n"
                + ")";
    }

    /** An Integral id as a number when it is one; anything else as a quoted string. */
    private String recordIdLiteral(String recordId) {
        String value = recordId == null ? "" : recordId.strip();
        String idName = group.definition().recordIdentifierFeatureName();
        boolean integral = group.features().stream().filter(f -> f.name().equals(idName))
                .map(FeatureDefinition::type).anyMatch(t -> t == FeatureType.INTEGRAL);
        if (integral && value.matches("-?\\d{1,18}")) {
            return Long.toString(Long.parseLong(value));
        }
        return Sql.literal(value);
    }
}
