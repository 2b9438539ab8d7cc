package org.featureworkbench.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBConnection;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's DuckDB instance, locked down before anyone types a query (ADR 0013).
 *
 * <p>It lives in {@code <workspace>/query/mirror.duckdb}, which holds the engine's native copy of
 * the offline history. Only one process can own that file; a second process (the CLI while the GUI
 * is open) gets an in-memory database instead and builds its copy as it goes.
 *
 * <p>Guards, in the order DuckDB requires: extension autoload and autoinstall off (nothing is ever
 * downloaded), {@code allowed_directories} = the offline store and the export staging folder,
 * {@code enable_external_access = false}, then {@code lock_configuration = true} so no statement can
 * loosen them again. Thread-safe: each caller takes its own {@link #newConnection()}.
 *
 * <p>{@link #close()} closes every connection it handed out, not just its own: DuckDB keeps a file's
 * database alive while any connection to it lives, and gives that same (locked-down) instance to the
 * next open of the file, whose lock-down then fails. A result a page still shows would otherwise
 * break the query engine of a workspace reopened in the same process (a repair from the Check page).
 */
final class QueryDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryDatabase.class);
    static final String COPY_FILE = "mirror.duckdb";

    private final DuckDBConnection root;
    private final Set<DuckDBConnection> handedOut = ConcurrentHashMap.newKeySet();
    private final boolean persistent;
    private final Path stagingDirectory;

    private QueryDatabase(DuckDBConnection root, boolean persistent, Path stagingDirectory) {
        this.root = root;
        this.persistent = persistent;
        this.stagingDirectory = stagingDirectory;
    }

    /**
     * Opens the database for a workspace.
     *
     * @param workspace      the workspace folder
     * @param offlineStore   the only folder queries may read files from
     * @param inMemoryOnly   skip the persistent copy (tests, benchmarks of the cold path)
     */
    static QueryDatabase open(Path workspace, Path offlineStore, boolean inMemoryOnly) {
        Path queryDirectory = workspace.resolve("query");
        Path staging = queryDirectory.resolve("staging");
        try {
            Files.createDirectories(staging);
            Files.createDirectories(offlineStore);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot create the query folder " + queryDirectory + ": " + IoProblems.reason(e), e);
        }
        DuckDBConnection connection = null;
        boolean persistent = false;
        if (!inMemoryOnly) {
            connection = openCopy(queryDirectory.resolve(COPY_FILE));
            persistent = connection != null;
        }
        try {
            if (connection == null) {
                connection = connect("jdbc:duckdb:");
            }
            lockDown(connection, queryDirectory, List.of(offlineStore, staging));
            return new QueryDatabase(connection, persistent, staging);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new FeatureStoreException("cannot start the query engine (DuckDB): " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * The persistent copy, or null when another process owns it (then this one works from memory).
     * The copy is derived data: a file DuckDB cannot read (damaged, or written by another DuckDB
     * version) is moved aside and rebuilt from the Parquet files, never a reason to fail a query.
     */
    private static DuckDBConnection openCopy(Path file) {
        try {
            return connect("jdbc:duckdb:" + file);
        } catch (SQLException e) {
            String reason = firstLine(e.getMessage());
            if (reason.contains("lock")) {
                LOG.info("Query copy {} is in use by another process; this one reads the Parquet files directly", file);
                return null;
            }
            Path aside = file.resolveSibling(COPY_FILE + ".unreadable-" + System.currentTimeMillis());
            LOG.warn("Query copy {} cannot be opened ({}); moved to {} and rebuilt from the offline files",
                    file, reason, aside.getFileName());
            try {
                Files.move(file, aside);
                Files.deleteIfExists(file.resolveSibling(COPY_FILE + ".wal"));
                return connect("jdbc:duckdb:" + file);
            } catch (IOException | SQLException again) {
                LOG.warn("Query copy could not be rebuilt in {} ({}); using an in-memory copy", file,
                        firstLine(again.getMessage()));
                return null;
            }
        }
    }

    private static DuckDBConnection connect(String url) throws SQLException {
        Properties properties = new Properties();
        // Results stream in chunks instead of being materialised whole before the first row.
        properties.setProperty("jdbc_stream_results", "true");
        return (DuckDBConnection) DriverManager.getConnection(url, properties);
    }

    private static void lockDown(Connection c, Path queryDirectory, List<Path> readable) throws SQLException {
        Path spill = queryDirectory.resolve("spill");
        try (Statement s = c.createStatement()) {
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET autoload_known_extensions = false");
            s.execute("SET TimeZone = 'UTC'");
            s.execute("SET parquet_metadata_cache = true");
            // Loading thousands of small hour files into the copy is 2-3x faster without it; a query
            // with ORDER BY (and a result table made from one) keeps its order regardless.
            s.execute("SET preserve_insertion_order = false");
            // Large sorts and temporary results spill here rather than exhausting memory.
            s.execute("SET temp_directory = " + Sql.literal(spill.toString()));
            s.execute("SET memory_limit = " + Sql.literal(memoryLimit()));
            s.execute("SET allowed_directories = " + Sql.stringList(
                    readable.stream().map(p -> p.toAbsolutePath().normalize() + "/").toList()));
            s.execute("SET enable_external_access = false");
            s.execute("SET lock_configuration = true");
        }
    }

    /** A quarter of the machine's memory, at least 1 GB: the rest stays with the JVM, H2 and the desktop. */
    private static String memoryLimit() {
        long total = totalMemoryBytes();
        long quarter = total > 0 ? total / 4 : 2L << 30;
        return Math.max(1L << 30, quarter) / (1 << 20) + "MB";
    }

    private static long totalMemoryBytes() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return -1;
    }

    /** A new connection to the same database (own transactions, own temporary tables, own cancel). */
    // Synchronized with close(): a connection duplicated while it runs would escape it, and keep the database alive.
    synchronized DuckDBConnection newConnection() {
        try {
            DuckDBConnection connection = (DuckDBConnection) root.duplicate();
            handedOut.removeIf(QueryDatabase::isClosed);
            handedOut.add(connection);
            return connection;
        } catch (SQLException e) {
            throw new FeatureStoreException("the query engine is closed: " + firstLine(e.getMessage()), e);
        }
    }

    /** True when the native copy lives in a file and survives restarts. */
    boolean persistent() {
        return persistent;
    }

    /** Where exports are written by COPY before they are moved to the user's chosen file. */
    Path stagingDirectory() {
        return stagingDirectory;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing to keep
            }
        }
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Closes every connection handed out (interrupting what still runs on them), then the database. */
    @Override
    public synchronized void close() {
        handedOut.forEach(QueryDatabase::closeQuietly);
        handedOut.clear();
        closeQuietly(root);
    }
}
