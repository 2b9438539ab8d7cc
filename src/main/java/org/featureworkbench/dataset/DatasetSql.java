package org.featureworkbench.dataset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.query.GroupTables;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.query.Sql;
import org.featureworkbench.query.TimeTravel;

/**
 * The SQL of a dataset (DESIGN.md §3): the base rows, then for each joined group its state at the
 * base row's event time T, found with DuckDB's {@code ASOF LEFT JOIN} (the last state row with
 * event time ≤ T per record id) over the group's rows as of W, deduplicated per (record id, event
 * time) by the order (api_invocation_time, write_time, file, row). A state that is a delete marker,
 * or older than the lookback window, gives null features. Every base row is kept: each joins at most
 * one state row per group, so a limit can be applied to the base before joining.
 */
final class DatasetSql {
    /** Prefix of the builder's own columns; no feature name can start with '_' and base columns may not use it. */
    static final String HELPER_PREFIX = "__fwb_";
    static final String BASE_TIME = HELPER_PREFIX + "bt";
    private static final String KEY = HELPER_PREFIX + "k";
    private static final String STATE_TIME = HELPER_PREFIX + "et";
    private static final String DELETED = HELPER_PREFIX + "del";

    private final ResolvedBase base;
    private final List<ResolvedJoin> joins;
    private final DatasetSpec spec;
    private final Instant asOf;

    DatasetSql(ResolvedBase base, List<ResolvedJoin> joins, DatasetSpec spec, Instant asOf) {
        this.base = base;
        this.joins = joins;
        this.spec = spec;
        this.asOf = asOf;
    }

    /** The group a group base reads, or null for another base. */
    org.featureworkbench.model.FeatureGroup baseGroup() {
        if (spec.base().kind() != DatasetBase.Kind.GROUP) {
            return null;
        }
        return base.groupsRead().stream().filter(g -> g.name().equalsIgnoreCase(spec.base().source())).findFirst()
                .orElse(null);
    }

    /** The joined groups, in output order. */
    List<ResolvedJoin> joins() {
        return joins;
    }

    /** The output's column names, in order. */
    List<String> outputColumns() {
        List<String> names = new ArrayList<>(base.columns().stream().map(ResultColumn::name).toList());
        joins.forEach(j -> names.addAll(j.outputNames()));
        return names;
    }

    /** The output order: base event time, base id, then the other base columns (identical rows are interchangeable). */
    String orderKey() {
        return String.join(", ", orderKeys());
    }

    private List<String> orderKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(BASE_TIME);
        String id = Sql.identifier(base.idColumn());
        if (integralIds()) {
            // Ids read as text from a file still sort as numbers when the groups' ids are numbers: 2 before 10.
            keys.add("TRY_CAST(" + id + " AS BIGINT)");
        }
        keys.add(id);
        for (ResultColumn c : base.columns()) {
            if (!c.name().equals(base.idColumn())) {
                keys.add(Sql.identifier(c.name()));
            }
        }
        return keys;
    }

    private boolean integralIds() {
        boolean text = base.columns().stream().anyMatch(c -> c.name().equals(base.idColumn()) && c.type().equals("VARCHAR"));
        return text && !joins.isEmpty() && joins.get(0).baseColumn().equals(base.idColumn())
                && joins.get(0).tables().recordIdType() == FeatureType.INTEGRAL;
    }

    /** {@link #dataset} as people see it: the base file under its own path. */
    String shown(long limit) {
        return base.shown(dataset(limit));
    }

    /** The dataset in output order, without helper columns: what is written and shown. */
    String dataset(long limit) {
        return "SELECT * EXCLUDE (" + BASE_TIME + ") FROM (\n" + joined(limit) + "\n) ORDER BY " + orderKey();
    }

    /** The joined rows with the base event time as {@value #BASE_TIME} (for ordering and splits), unordered. */
    String joined(long limit) {
        List<String> ctes = new ArrayList<>(base.withClauses());
        ctes.add(HELPER_PREFIX + "src AS (\n" + base.source() + "\n)");
        ctes.add(HELPER_PREFIX + "base AS (\n" + baseRows(limit) + "\n)");
        for (int i = 0; i < joins.size(); i++) {
            ctes.add(HELPER_PREFIX + "g" + (i + 1) + " AS (\n" + (spec.pointInTime() ? states(joins.get(i)) : latest(joins.get(i))) + "\n)");
        }
        StringBuilder select = new StringBuilder("SELECT ");
        for (ResultColumn c : base.columns()) {
            select.append("b.").append(Sql.identifier(c.name())).append(", ");
        }
        select.append("b.").append(BASE_TIME);
        for (int i = 0; i < joins.size(); i++) {
            ResolvedJoin j = joins.get(i);
            String alias = "g" + (i + 1);
            for (int f = 0; f < j.features().size(); f++) {
                select.append(",\n  ").append(featureValue(j, alias, Sql.identifier(j.features().get(f).name())))
                        .append(" AS ").append(Sql.identifier(j.outputNames().get(f)));
            }
        }
        StringBuilder from = new StringBuilder("\nFROM " + HELPER_PREFIX + "base b");
        for (int i = 0; i < joins.size(); i++) {
            String alias = "g" + (i + 1);
            from.append(spec.pointInTime()
                    ? "\nASOF LEFT JOIN " + HELPER_PREFIX + alias + " " + alias + " ON b." + KEY + (i + 1) + " = " + alias
                    + "." + KEY + " AND b." + BASE_TIME + " >= " + alias + "." + STATE_TIME
                    : "\nLEFT JOIN " + HELPER_PREFIX + alias + " " + alias + " ON b." + KEY + (i + 1) + " = " + alias + "." + KEY);
        }
        return "WITH " + String.join(",\n", ctes) + "\n" + select + from;
    }

    /**
     * A base id as the key of a group with Integral ids: a whole number ("7", and "7.0" as pandas
     * writes ids of a column with gaps), else no key. A plain cast would round "1.5" to 2 and join
     * another record's state.
     */
    static String integralKey(String column) {
        return "CASE WHEN TRY_CAST(" + column + " AS DOUBLE) = floor(TRY_CAST(" + column + " AS DOUBLE)) THEN TRY_CAST("
                + column + " AS BIGINT) END";
    }

    /** The base's event-time column. */
    String baseTimeColumn() {
        return base.timeColumn();
    }

    /**
     * Counts base rows whose time does not read as an instant (and one of them), and rows without a
     * time; then the latest time; then, per join to a group with Integral ids in join order, the
     * rows whose id is no whole number (and one of them).
     */
    String baseTimeCheck() {
        String raw = Sql.identifier(base.timeColumn());
        List<String> ctes = new ArrayList<>(base.withClauses());
        ctes.add(HELPER_PREFIX + "src AS (\n" + base.source() + "\n)");
        // Outside the store's years (0000-9999) is unreadable too: epoch milliseconds read as seconds land there.
        String unreadable = "(t IS NULL OR t < " + Sql.timestamp(EventTimes.MIN) + " OR t > " + Sql.timestamp(EventTimes.MAX)
                + ") AND r IS NOT NULL";
        StringBuilder ids = new StringBuilder();
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < joins.size(); i++) {
            if (joins.get(i).tables().recordIdType() == FeatureType.INTEGRAL) {
                // Ids an Integral group can never match ('abc', '1.5'): those rows get no values from it.
                String k = "k" + (i + 1);
                String never = k + " IS NOT NULL AND " + integralKey(k) + " IS NULL";
                ids.append(", count(*) FILTER (WHERE ").append(never).append("), min(").append(k)
                        .append(") FILTER (WHERE ").append(never).append(")");
                keys.append(", CAST(").append(Sql.identifier(joins.get(i).baseColumn())).append(" AS VARCHAR) AS ").append(k);
            }
        }
        return "WITH " + String.join(",\n", ctes) + "\nSELECT count(*) FILTER (WHERE " + unreadable + "), "
                + "min(CAST(r AS VARCHAR)) FILTER (WHERE " + unreadable + "), count(*) FILTER (WHERE r IS NULL), "
                + "max(t)" + ids + " FROM (SELECT " + raw + " AS r, " + base.timeInstant() + " AS t" + keys + " FROM "
                + HELPER_PREFIX + "src)";
    }

    /** The base rows with their instant and one join key per group, filtered and limited. */
    private String baseRows(long limit) {
        StringBuilder inner = new StringBuilder("SELECT *, ").append(base.timeInstant()).append(" AS ").append(BASE_TIME);
        for (int i = 0; i < joins.size(); i++) {
            ResolvedJoin j = joins.get(i);
            String column = Sql.identifier(j.baseColumn());
            String key = j.tables().recordIdType() == FeatureType.INTEGRAL
                    ? integralKey(column) : "CAST(" + column + " AS VARCHAR)";
            inner.append(", ").append(key).append(" AS ").append(KEY).append(i + 1);
        }
        inner.append(" FROM ").append(HELPER_PREFIX).append("src");
        StringBuilder sql = new StringBuilder("SELECT * FROM (").append(inner).append(")");
        List<String> where = new ArrayList<>();
        if (!base.filtered() && spec.eventFrom() != null) {
            where.add(BASE_TIME + " >= " + Sql.timestamp(spec.eventFrom()));
        }
        if (!base.filtered() && spec.eventTo() != null) {
            where.add(BASE_TIME + " <= " + Sql.timestamp(spec.eventTo()));
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (!base.filtered() && spec.recent() > 0) {
            sql.append(" QUALIFY row_number() OVER (PARTITION BY ").append(Sql.identifier(base.idColumn()))
                    .append(" ORDER BY ").append(descending(orderKeys())).append(") <= ").append(spec.recent());
        }
        if (limit > 0) {
            sql.append(" ORDER BY ").append(orderKey()).append(" LIMIT ").append(limit);
        }
        return sql.toString();
    }

    private static String descending(List<String> keys) {
        return keys.stream().map(k -> k + " DESC").collect(Collectors.joining(", "));
    }

    /**
     * A group's state rows as of W: one per (record id, event time), the last in the order
     * (api_invocation_time, write_time, file, row). Delete markers stay (they end a record's
     * state) unless deleted records are included, which ignores them.
     */
    private String states(ResolvedJoin j) {
        GroupTables t = j.tables();
        String where = stateFilter();
        String columns = t.recordId() + " AS " + KEY + ", " + GroupTables.EVENT_INSTANT + " AS " + STATE_TIME
                + ", is_deleted AS " + DELETED + featureList(j);
        if (!j.repeats()) {
            // Every (id, event time) has one row, so each row is its own state: the tie-break, half
            // of a build's time on large groups, would change nothing (see repeatedStates()).
            return "SELECT " + columns + " FROM " + t.mirrorTable() + where;
        }
        String tieBreak = "api_invocation_time, write_time, " + GroupTables.FILE + ", " + GroupTables.ROW;
        if (t.copyIsTable()) {
            // One hash aggregate keeps the rowid of each (id, event time)'s last row: no sort of the history.
            return "SELECT " + columns + " FROM " + t.mirrorTable() + where + " AND rowid IN (SELECT arg_max(rowid, ("
                    + tieBreak + ")) FROM " + t.mirrorTable() + where + " GROUP BY " + t.recordId() + ", "
                    + GroupTables.EVENT_INSTANT + ")";
        }
        return "SELECT " + columns + " FROM " + t.mirrorTable() + where + " QUALIFY row_number() OVER (PARTITION BY "
                + t.recordId() + ", " + GroupTables.EVENT_INSTANT + " ORDER BY api_invocation_time DESC, write_time DESC, "
                + GroupTables.FILE + " DESC, " + GroupTables.ROW + " DESC) = 1";
    }

    /** The rows of a group that count as of W: written by then, and not delete markers when deleted records are included. */
    private String stateFilter() {
        return " WHERE write_time <= " + Sql.timestamp(asOf) + (spec.includeDeleted() ? " AND NOT is_deleted" : "");
    }

    /**
     * Whether a joined group has two rows with one (record id, event time) — among its rows as of W,
     * or among all its rows: one row, true or false.
     */
    String repeatedStates(ResolvedJoin j, boolean asOfW) {
        GroupTables t = j.tables();
        return "SELECT EXISTS (SELECT 1 FROM " + t.mirrorTable() + (asOfW ? stateFilter() : "") + " GROUP BY "
                + t.recordId() + ", " + GroupTables.EVENT_INSTANT + " HAVING count(*) > 1)";
    }

    /** Point-in-time off: each record's latest state as of W (no row when that state is a delete). */
    private String latest(ResolvedJoin j) {
        GroupTables t = j.tables();
        String read = new TimeTravel(t).asOf(asOf).includeDeleted(spec.includeDeleted()).latest().sql();
        return "SELECT " + t.recordId() + " AS " + KEY + featureList(j) + " FROM (" + read + ")";
    }

    private static String featureList(ResolvedJoin j) {
        return j.features().stream().map(f -> ", " + Sql.identifier(f.name())).collect(Collectors.joining());
    }

    private String featureValue(ResolvedJoin j, String alias, String feature) {
        if (!spec.pointInTime()) {
            return alias + "." + feature;
        }
        String missing = alias + "." + DELETED;
        if (j.lookback() != null) {
            missing += " OR " + alias + "." + STATE_TIME + " < b." + BASE_TIME + " - INTERVAL '"
                    + j.lookback().toMillis() * 1000 + " microseconds'";
        }
        return "CASE WHEN " + missing + " THEN NULL ELSE " + alias + "." + feature + " END";
    }
}
