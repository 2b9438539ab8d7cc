package org.featureworkbench.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.online.H2OnlineStore;

/**
 * Looks at the workspace database: is the catalog readable, does every group with an online store
 * have its table, and (in a full check) can every row of every table be read. H2 reads pages only
 * when a query needs them, so a damaged page shows only when something reads it: the full check
 * reads every row of every table once. Stateless.
 */
final class DatabaseScan {
    static final String CATALOG_TABLE = "FWB_FEATURE_GROUP";
    private static final String ONLINE_PREFIX = "FWB_ONLINE_";

    private final DataSource database;

    DatabaseScan(DataSource database) {
        this.database = database;
    }

    /** What was found, and how many tables were read. */
    record Result(List<Finding> findings, int tablesRead, long rowsRead) {
    }

    /**
     * @param groups    the catalog's groups (already read by the caller; null when it could not be read)
     * @param readRows  read every row of every table (the full check) or only look at which tables exist
     */
    Result scan(List<FeatureGroup> groups, boolean readRows) {
        if (!readRows) {
            return new Result(missingTables(groups), 0, 0);
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> tables;
        try {
            tables = tableNames();
        } catch (SQLException e) {
            findings.add(Findings.databaseUnreadable(e));
            return new Result(findings, 0, 0);
        }
        Set<String> expected = new HashSet<>();
        if (groups != null) {
            for (FeatureGroup g : groups) {
                if (!g.definition().onlineStore().enabled()) {
                    continue;
                }
                String table = H2OnlineStore.tableName(g);
                expected.add(table);
                if (!tables.contains(table)) {
                    findings.add(Findings.onlineTableMissing(g));
                }
            }
        }
        for (String table : tables) {
            if (table.startsWith(ONLINE_PREFIX) && groups != null && !expected.contains(table)) {
                findings.add(Findings.orphanTable(table));
            }
        }
        int read = 0;
        long rows = 0;
        if (readRows) {
            for (String table : tables.stream().sorted().toList()) {
                try {
                    rows += readEveryRow(table);
                    read++;
                } catch (SQLException | RuntimeException e) {
                    findings.add(Findings.tableUnreadable(table, groupOf(table, groups), e));
                }
            }
        }
        return new Result(findings, read, rows);
    }

    /**
     * The quick variant: one empty query per online group's table, which costs ~0.5 ms where a
     * read of H2's INFORMATION_SCHEMA costs 20-30 ms in a fresh process (every CLI command pays this).
     */
    private List<Finding> missingTables(List<FeatureGroup> groups) {
        List<Finding> findings = new ArrayList<>();
        if (groups == null) {
            return findings;
        }
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (FeatureGroup g : groups) {
                if (!g.definition().onlineStore().enabled()) {
                    continue;
                }
                try {
                    s.executeQuery("SELECT 1 FROM \"" + H2OnlineStore.tableName(g).replace("\"", "\"\"") + "\" WHERE FALSE")
                            .close();
                } catch (SQLException e) {
                    findings.add(e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                            || e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2
                            ? Findings.onlineTableMissing(g) : Findings.tableUnreadable(H2OnlineStore.tableName(g), g, e));
                }
            }
        } catch (SQLException e) {
            findings.add(Findings.databaseUnreadable(e));
        }
        return findings;
    }

    private static FeatureGroup groupOf(String table, List<FeatureGroup> groups) {
        if (groups == null) {
            return null;
        }
        return groups.stream().filter(g -> g.definition().onlineStore().enabled()
                && H2OnlineStore.tableName(g).equals(table)).findFirst().orElse(null);
    }

    Set<String> tableNames() throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Reads every column of every row, so every data page of the table is loaded once. */
    private long readEveryRow(String table) throws SQLException {
        long rows = 0;
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }
}
