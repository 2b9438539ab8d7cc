package org.featureworkbench.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.model.FeatureGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the views {@code "<group>"} and {@code "<group>_latest"} (and the copies' tables) equal to
 * the catalog: created with a group, given new columns with its FeatureAdditions, dropped with it.
 * DuckDB matches names without regard to case, so when two groups' names differ only in case, or a
 * group is named like another's {@code _latest} view, the first in catalog order keeps the name and
 * the log says which view is missing. Not thread-safe: the engine calls it under its lock.
 */
final class QueryViews {
    private static final Logger LOG = LoggerFactory.getLogger(QueryViews.class);

    /** True when the group relations are views over the files (no copy in this process). */
    private final boolean direct;

    QueryViews(boolean direct) {
        this.direct = direct;
    }

    /** Offline folder → the definition its views were made from. */
    private final Map<String, String> signatures = new HashMap<>();
    /** Lower-cased view name → group. */
    private Map<String, FeatureGroup> byName = new HashMap<>();
    private List<RelationInfo> relations = List.of();

    void refresh(Connection c, List<FeatureGroup> catalog) throws SQLException {
        Map<String, FeatureGroup> names = new LinkedHashMap<>();
        List<FeatureGroup> offline = catalog.stream().filter(g -> g.definition().offlineStore().enabled()).toList();
        for (FeatureGroup g : offline) {
            names.putIfAbsent(g.name().toLowerCase(Locale.ROOT), g);
        }
        for (FeatureGroup g : offline) {
            String latest = (g.name() + GroupTables.LATEST_SUFFIX).toLowerCase(Locale.ROOT);
            if (names.putIfAbsent(latest, g) != null && names.get(latest) != g) {
                LOG.warn("No view {}{}: a feature group already has that name", g.name(), GroupTables.LATEST_SUFFIX);
            }
        }
        Set<String> folders = new HashSet<>();
        List<RelationInfo> infos = new ArrayList<>();
        for (FeatureGroup g : offline) {
            folders.add(g.offlineFolderName());
            GroupTables tables = new GroupTables(g, !direct);
            boolean ownsName = names.get(g.name().toLowerCase(Locale.ROOT)) == g;
            boolean ownsLatest = names.get(tables.latestViewName().toLowerCase(Locale.ROOT)) == g;
            String signature = signature(g, ownsName, ownsLatest);
            if (!signature.equals(signatures.get(g.offlineFolderName()))) {
                create(c, tables, ownsName, ownsLatest);
                signatures.put(g.offlineFolderName(), signature);
            }
            List<String> columns = new ArrayList<>();
            g.features().forEach(f -> columns.add(f.name()));
            columns.addAll(List.of("write_time", "api_invocation_time", "is_deleted"));
            if (ownsName) {
                infos.add(new RelationInfo(g.name(), g.name(), false, columns));
            }
            if (ownsLatest) {
                infos.add(new RelationInfo(tables.latestViewName(), g.name(), true, columns));
            }
        }
        if (!folders.equals(signatures.keySet()) || byName.size() != names.size()) {
            signatures.keySet().retainAll(folders);
            dropStaleViews(c, names.keySet());
            OfflineMirror.dropOthers(c, folders);
        }
        byName = names;
        relations = List.copyOf(infos);
    }

    /** The groups whose views a statement names (unknown names are other tables or errors DuckDB reports). */
    List<FeatureGroup> groupsNamed(Collection<String> tableNames) {
        Set<FeatureGroup> named = new java.util.LinkedHashSet<>();
        for (String name : tableNames) {
            FeatureGroup g = byName.get(name.toLowerCase(Locale.ROOT));
            if (g != null) {
                named.add(g);
            }
        }
        return List.copyOf(named);
    }

    /** The offline folders of the groups the views now show. */
    Set<String> liveFolders() {
        return signatures.keySet();
    }

    List<RelationInfo> relations() {
        return relations;
    }

    private void create(Connection c, GroupTables tables, boolean ownsName, boolean ownsLatest)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            if (direct) {
                s.execute(tables.createEmptyDirectView());
            } else {
                s.execute(tables.createMirror());
                for (String alter : tables.addColumns(mirrorColumns(s, tables))) {
                    s.execute(alter);
                }
            }
            if (ownsName) {
                s.execute(tables.createView());
            }
            if (ownsLatest) {
                s.execute(tables.createLatestView());
            }
        }
    }

    private static List<String> mirrorColumns(Statement s, GroupTables tables) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT column_name FROM duckdb_columns() WHERE schema_name = "
                + Sql.literal(GroupTables.SCHEMA) + " AND table_name = "
                + Sql.literal(tables.group().offlineFolderName()))) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    private static void dropStaleViews(Connection c, Set<String> liveNames) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' "
                     + "AND NOT internal AND NOT temporary")) {
            while (rs.next()) {
                if (!liveNames.contains(rs.getString(1).toLowerCase(Locale.ROOT))) {
                    stale.add(rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String view : stale) {
                s.execute("DROP VIEW IF EXISTS " + Sql.identifier(view));
            }
        }
    }

    private static String signature(FeatureGroup g, boolean ownsName, boolean ownsLatest) {
        StringBuilder sb = new StringBuilder(g.offlineFolderName()).append(ownsName).append(ownsLatest);
        g.features().forEach(f -> sb.append('|').append(f.name()).append(':').append(f.type()));
        return sb.toString();
    }
}
