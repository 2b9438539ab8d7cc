package org.featureworkbench.query;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.featureworkbench.offline.OfflineReadLease;
import org.featureworkbench.offline.OfflineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each group's native copy equal to its published Parquet files (ADR 0013). Published files
 * never change (new rows make new files; compaction replaces files by others holding the same
 * rows), so a file's path says what it holds: the copy adds the rows of files it has not seen and
 * removes the rows of files that are gone, in one transaction, while a read lease keeps compaction
 * from swapping files under it. A query then reads the copy, never a partial or vanished file.
 *
 * <p>Only this process writes the copy (DuckDB locks the file), so what it holds is cached in
 * memory, and a group whose change token ({@link OfflineStore#changeToken}) is unchanged is not
 * even listed. Not thread-safe: the engine calls it under its own lock.
 */
final class OfflineMirror {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineMirror.class);
    /** Files per INSERT: bounds the statement size and the footers DuckDB holds at once. */
    private static final int FILES_PER_BATCH = 2_000;
    private static final int MAX_ATTEMPTS = 3;

    private final OfflineStore offline;
    /** Folder → the files the copy holds, read from the copy once per process, then kept here. */
    private final Map<String, Set<String>> known = new HashMap<>();
    /** Folder → the change token read before the listing the copy now matches. */
    private final Map<String, String> tokens = new HashMap<>();

    /** Folder → a number that changes whenever the rows the group's relation reads change. */
    private final Map<String, Long> generations = new HashMap<>();
    private long lastGeneration;

    /** True: no copy, each group's relation is a view over its current files (ADR 0013). */
    private final boolean direct;

    OfflineMirror(OfflineStore offline, boolean direct) {
        this.offline = offline;
        this.direct = direct;
    }

    static void createCatalog(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + GroupTables.SCHEMA);
            s.execute("CREATE TABLE IF NOT EXISTS " + GroupTables.FILES_TABLE + " (folder VARCHAR, path VARCHAR)");
        }
    }

    /**
     * Brings the group's copy up to date with its files; returns the number of rows added. The read
     * lease pins files against this process's compaction only: when another process compacts the
     * group between the listing and the read, a file is gone, the transaction rolls back, and the
     * sync starts again from a fresh listing.
     */
    long sync(Connection c, GroupTables tables) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return syncOnce(c, tables);
            } catch (SQLException e) {
                if (attempt == MAX_ATTEMPTS || !fileVanished(e)) {
                    throw e;
                }
                LOG.info("Offline files of {} changed while they were read ({}); reading them again",
                        tables.group().name(), QueryDatabase.firstLine(e.getMessage()));
            }
        }
    }

    private static boolean fileVanished(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("No files found") || m.contains("No such file") || m.contains("Cannot open file")
                || m.contains("does not exist");
    }

    private long syncOnce(Connection c, GroupTables tables) throws SQLException {
        String folder = tables.group().offlineFolderName();
        Path dataRoot = offline.groupDirectory(tables.group());
        // Read before listing: a change after this read gives a new token, so the next sync lists again.
        String token = offline.changeToken(tables.group());
        if (!token.isEmpty() && token.equals(tokens.get(folder)) && known.containsKey(folder)) {
            return 0;
        }
        try (OfflineReadLease lease = offline.openReadLease(tables.group())) {
            Set<String> current = new HashSet<>();
            for (Path file : lease.files()) {
                current.add(dataRoot.relativize(file).toString().replace('\\', '/'));
            }
            Set<String> known = this.known.get(folder);
            if (known == null) {
                known = knownFiles(c, folder);
                this.known.put(folder, known);
            }
            List<String> added = new ArrayList<>();
            for (String path : current) {
                if (!known.contains(path)) {
                    added.add(path);
                }
            }
            List<String> removed = new ArrayList<>();
            for (String path : known) {
                if (!current.contains(path)) {
                    removed.add(path);
                }
            }
            long inserted = 0;
            if (!added.isEmpty() || !removed.isEmpty()) {
                added.sort(null);
                inserted = apply(c, tables, dataRoot, added, removed);
                // Only after the commit: a rolled-back sync leaves the cache as the copy is.
                known.removeAll(removed);
                known.addAll(added);
                generations.put(folder, ++lastGeneration);
            }
            generations.computeIfAbsent(folder, f -> ++lastGeneration);
            tokens.put(folder, token);
            return inserted;
        }
    }

    /** True when groups are read straight from their files (no copy in this process). */
    boolean direct() {
        return direct;
    }

    /**
     * Direct mode: points the group's relation at its current files and returns the read lease,
     * open: the caller holds it until its statement has read them, so this process's compaction
     * cannot delete a file under the query.
     */
    OfflineReadLease pin(Connection c, GroupTables tables) throws SQLException {
        String folder = tables.group().offlineFolderName();
        Path dataRoot = offline.groupDirectory(tables.group());
        OfflineReadLease lease = offline.openReadLease(tables.group());
        try {
            Set<String> current = new HashSet<>();
            for (Path file : lease.files()) {
                current.add(dataRoot.relativize(file).toString().replace('\\', '/'));
            }
            if (!current.equals(known.get(folder))) {
                pointAt(c, tables, dataRoot, current);
                known.put(folder, current);
                generations.put(folder, ++lastGeneration);
            }
            return lease;
        } catch (SQLException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * Direct mode: the group's relation becomes a view over exactly these files. Reading them costs
     * what a raw DuckDB query over the hour files costs, at every query, but nothing is loaded first:
     * the right trade for a short-lived second process (the CLI while the GUI owns the copy).
     */
    private long pointAt(Connection c, GroupTables tables, Path dataRoot, Set<String> files) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (files.isEmpty()) {
                s.execute(tables.createEmptyDirectView());
                return 0;
            }
            String prefix = dataRoot.toAbsolutePath().toString().replace('\\', '/') + "/";
            String source = "read_parquet(" + Sql.stringList(files.stream().sorted().map(p -> prefix + p).toList())
                    + ", hive_partitioning = false, union_by_name = true, filename = true, file_row_number = true)";
            s.execute(tables.createDirectView(columns(s, source), source, Integer.toString(prefix.length() + 1)));
            return 0;
        }
    }

    private long apply(Connection c, GroupTables tables, Path dataRoot, List<String> added, List<String> removed)
            throws SQLException {
        long started = System.nanoTime();
        String folder = tables.group().offlineFolderName();
        long inserted = 0;
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < removed.size(); i += FILES_PER_BATCH) {
                List<String> batch = removed.subList(i, Math.min(removed.size(), i + FILES_PER_BATCH));
                s.execute("DELETE FROM " + tables.mirrorTable() + " WHERE " + GroupTables.FILE + " IN (SELECT unnest("
                        + Sql.stringList(batch) + "))");
                s.execute("DELETE FROM " + GroupTables.FILES_TABLE + " WHERE folder = " + Sql.literal(folder)
                        + " AND path IN (SELECT unnest(" + Sql.stringList(batch) + "))");
            }
            String prefix = dataRoot.toAbsolutePath().toString().replace('\\', '/') + "/";
            for (int i = 0; i < added.size(); i += FILES_PER_BATCH) {
                List<String> batch = added.subList(i, Math.min(added.size(), i + FILES_PER_BATCH));
                String source = "read_parquet(" + Sql.stringList(batch.stream().map(p -> prefix + p).toList())
                        + ", hive_partitioning = false, union_by_name = true, filename = true, file_row_number = true)";
                List<String> columns = columns(s, source);
                inserted += s.executeUpdate("INSERT INTO " + tables.mirrorTable() + " BY NAME SELECT "
                        + tables.insertSelectList(columns, Integer.toString(prefix.length() + 1)) + " FROM " + source);
                s.execute("INSERT INTO " + GroupTables.FILES_TABLE + " SELECT " + Sql.literal(folder)
                        + ", unnest(" + Sql.stringList(batch) + ")");
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        LOG.debug("Query copy of {}: +{} files ({} rows), -{} files in {} ms", folder, added.size(), inserted,
                removed.size(), (System.nanoTime() - started) / 1_000_000);
        return inserted;
    }

    private static List<String> columns(Statement s, String source) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    private static Set<String> knownFiles(Connection c, String folder) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT path FROM " + GroupTables.FILES_TABLE + " WHERE folder = ?")) {
            ps.setString(1, folder);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        return known;
    }

    /** Forgets what it knew of folders whose copies were dropped. */
    void forgetAllBut(Set<String> liveFolders) {
        known.keySet().retainAll(liveFolders);
        tokens.keySet().retainAll(liveFolders);
        generations.keySet().retainAll(liveFolders);
    }

    /**
     * A number that stays the same exactly as long as the rows of the group's relation do (never
     * reused in this process), for caching facts about them; -1 before the group was first read.
     */
    long generation(String folder) {
        return generations.getOrDefault(folder, -1L);
    }

    /** Drops the copies of groups that no longer exist (their offline files may be kept; the copy is not). */
    static void dropOthers(Connection c, Set<String> liveFolders) throws SQLException {
        List<String> gone = new ArrayList<>();
        List<String> goneViews = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name, false FROM duckdb_tables() WHERE schema_name = "
                     + Sql.literal(GroupTables.SCHEMA) + " AND table_name <> 'files' UNION ALL "
                     + "SELECT view_name, true FROM duckdb_views() WHERE schema_name = " + Sql.literal(GroupTables.SCHEMA))) {
            while (rs.next()) {
                if (!liveFolders.contains(rs.getString(1))) {
                    (rs.getBoolean(2) ? goneViews : gone).add(rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String folder : goneViews) {
                s.execute("DROP VIEW IF EXISTS " + GroupTables.SCHEMA + "." + Sql.identifier(folder));
            }
            for (String folder : gone) {
                s.execute("DROP TABLE IF EXISTS " + GroupTables.SCHEMA + "." + Sql.identifier(folder));
                s.execute("DELETE FROM " + GroupTables.FILES_TABLE + " WHERE folder = " + Sql.literal(folder));
            }
        }
    }
}
