package org.featureworkbench.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.online.H2OnlineStore;

/**
 * The safety net of groups that have no offline store to be rebuilt from (ADR 0019): a periodic
 * copy of their online tables, as an H2 SQL script, gzipped, in {@code <workspace>/backup/}. Taken
 * when a store closes and the last copy is older than {@link #INTERVAL}; written to a temporary
 * file and renamed, so a failed backup (of a table that is already damaged) keeps the previous
 * one. {@code repair} loads the script into a private in-memory database and copies the rows of
 * the group's table back by column name (features added since read as null).
 */
final class OnlineOnlyBackup {
    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final String FILE = "online-only.sql.gz";

    private final Path file;
    private final DataSource database;
    private final Clock clock;

    OnlineOnlyBackup(Path workspace, DataSource database, Clock clock) {
        this.file = workspace.resolve("backup").resolve(FILE);
        this.database = database;
        this.clock = clock;
    }

    Path file() {
        return file;
    }

    boolean due() throws IOException {
        return !Files.exists(file) || Files.getLastModifiedTime(file).toInstant().plus(INTERVAL).isBefore(clock.instant());
    }

    /** Writes a new backup of the online-only groups' tables; returns false when there is none. */
    boolean write(List<FeatureGroup> groups) throws IOException, SQLException {
        List<String> tables = onlineOnlyTables(groups);
        if (tables.isEmpty()) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + FILE + ".tmp");
        Files.deleteIfExists(temp);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("SCRIPT NOPASSWORDS NOSETTINGS TO '" + temp.toString().replace("'", "''")
                    + "' COMPRESSION GZIP TABLE " + tables.stream().map(OnlineOnlyBackup::quote)
                    .collect(Collectors.joining(", ")));
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /**
     * Copies the group's rows from the backup into its (new, empty) online table.
     *
     * @return the rows copied, or -1 when the backup does not hold the group's table
     */
    long restore(FeatureGroup group) throws SQLException {
        if (!Files.exists(file)) {
            return -1;
        }
        String table = H2OnlineStore.tableName(group);
        try (Connection backup = DriverManager.getConnection("jdbc:h2:mem:", "fwb", "");
             Statement s = backup.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + file.toString().replace("'", "''") + "' COMPRESSION GZIP");
            if (!tableExists(backup, table)) {
                return -1;
            }
            try (Connection target = database.getConnection()) {
                return copyRows(backup, target, table);
            }
        }
    }

    private static long copyRows(Connection from, Connection to, String table) throws SQLException {
        Set<String> targetColumns = columns(to, table);
        try (Statement read = from.createStatement(); ResultSet rs = read.executeQuery("SELECT * FROM " + quote(table))) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Integer> kept = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (targetColumns.contains(meta.getColumnName(i))) {
                    kept.add(i);
                    names.add(quote(meta.getColumnName(i)));
                }
            }
            String insert = "INSERT INTO " + quote(table) + " (" + String.join(", ", names) + ") VALUES ("
                    + "?, ".repeat(names.size() - 1) + "?)";
            long rows = 0;
            to.setAutoCommit(false);
            try (PreparedStatement ps = to.prepareStatement(insert)) {
                while (rs.next()) {
                    for (int k = 0; k < kept.size(); k++) {
                        ps.setObject(k + 1, rs.getObject(kept.get(k)));
                    }
                    ps.addBatch();
                    if (++rows % 5_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
                to.commit();
            } finally {
                to.setAutoCommit(true);
            }
            return rows;
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        return !columns(c, table).isEmpty();
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static List<String> onlineOnlyTables(List<FeatureGroup> groups) {
        return groups.stream()
                .filter(g -> g.definition().onlineStore().enabled() && !g.definition().offlineStore().enabled())
                .map(H2OnlineStore::tableName).sorted().toList();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
