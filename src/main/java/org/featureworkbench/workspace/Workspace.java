package org.featureworkbench.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.database.FailedClose;
import org.featureworkbench.database.ProcessInfo;
import org.featureworkbench.database.StaleRowLocks;
import org.featureworkbench.database.TakeOverRepair;
import org.featureworkbench.database.WaitNotices;
import org.featureworkbench.database.WorkspaceDatabase;
import org.featureworkbench.core.StoreServices;
import org.featureworkbench.health.DatabaseDamage;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.offline.ParquetOfflineStore;
import org.featureworkbench.online.H2OnlineStore;
import org.featureworkbench.writepath.WritePath;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;
import org.featureworkbench.registry.H2FeatureGroupCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a workspace folder and builds its {@link FeatureStore}. Layout:
 * <pre>
 * &lt;workspace&gt;/online/workbench.mv.db   H2: catalog + online tables
 * &lt;workspace&gt;/offline-store/…          Parquet files, SageMaker layout
 * &lt;workspace&gt;/exports/                 user exports
 * &lt;workspace&gt;/logs/                    the application log
 * </pre>
 * Several processes may open one workspace at once: H2's AUTO_SERVER mode lets the first one
 * serve the database to the others over loopback, so the GUI and the CLI both work.
 */
public final class Workspace {
    /** Environment variable that overrides the default workspace folder. */
    public static final String ENV_VARIABLE = "FWB_WORKSPACE";
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    static {
        // The AUTO_SERVER socket H2 opens for other processes: loopback only, never every
        // interface (issue 12). H2 reads the property once, when its settings class loads, which
        // is after this (the first H2 use of the app is opening a workspace).
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private Workspace() {
    }

    /** {@code $FWB_WORKSPACE} when set, else {@code ~/.feature-workbench}. */
    public static Path defaultDirectory() {
        String fromEnv = System.getenv(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".feature-workbench");
    }

    /**
     * Opens (creating if needed) the workspace in {@code directory} and directs the log there.
     *
     * @throws FeatureStoreException with a plain message when the folder cannot be used
     */
    public static FeatureStore open(Path directory) {
        // A damaged database file says so (and what to run) instead of failing with the engine's message.
        return DatabaseDamage.whileOpening(directory, () -> openAfterUncleanEnd(directory));
    }

    /**
     * {@link #openUnchecked}, once more when the engine closed the database while it opened.
     * After a {@code kill -9} in the middle of a large ingest transaction, the first opening
     * clears thousands of stale row locks and compacts the file; H2 2.5.252 then fails the first
     * write on the reopened file with "Map … is closed" / "The database has been closed" (3 of 3
     * killed 600k-row ingests). The file is sound: a second opening, which has nothing left to
     * clear, works — issue 12's "the first command after that kill failed; the second worked".
     */
    private static FeatureStore openAfterUncleanEnd(Path directory) {
        try {
            return openUnchecked(directory);
        } catch (RuntimeException e) {
            if (!closedByEngine(e)) {
                throw e;
            }
            LOG.warn("The workspace database closed itself while {} was opened after an unclean end; opening it again",
                    directory, e);
            return openUnchecked(directory);
        }
    }

    private static boolean closedByEngine(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_IS_CLOSED) {
                return true;
            }
        }
        return false;
    }

    private static FeatureStore openUnchecked(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        createFolders(dir);
        LogSetup.directTo(dir.resolve("logs"));
        WorkspaceDatabase database = openDatabase(dir);
        boolean firstProcess = firstProcess(dir, database);
        if (firstProcess && WritePath.hasJournalsOfEndedProcesses(dir)) {
            database = compactAfterUncleanEnd(dir, database);
            firstProcess = firstProcess(dir, database);
        }
        try {
            FeatureStore store = new FeatureStore(dir, assemble(dir, database, firstProcess));
            LOG.info("Opened workspace {} ({})", dir, firstProcess ? "first process" : "shared with another process");
            return store;
        } catch (RuntimeException e) {
            database.dispose();
            throw e;
        }
    }

    private static WorkspaceDatabase openDatabase(Path dir) {
        return new WorkspaceDatabase(jdbcUrl(dir), dir, Workspace::notice);
    }

    /**
     * Tells the user why this process waits for another: on stderr (a CLI's user sees it beside
     * the command's output; the GUI's is not shown) and in the log.
     */
    private static void notice(String message) {
        LOG.warn(message);
        System.err.println("note: " + message);
        WaitNotices.publish(message);
    }

    private static boolean firstProcess(Path dir, WorkspaceDatabase database) {
        try (Connection probe = database.getConnection()) {
            return opensFileItself(probe);
        } catch (SQLException e) {
            database.dispose();
            throw new FeatureStoreException("cannot open the workspace database in " + dir.resolve("online")
                    + ": " + e.getMessage() + " (is another program holding it, or is the folder read-only?)", e);
        }
    }

    /**
     * Clears the row locks a killed process left in the database file and rewrites the file once
     * (its record journal is still there). H2 2.5.252 can keep a row version of the killed
     * process's unfinished transaction in the file without its undo record: a plain reopen does
     * not roll it back, and a later write of that row waits for whichever live transaction has
     * the same id, then fails with a lock timeout (CrashRecoveryIT's file, the fixture of
     * {@code UncleanEndCompactionTest}, and KillAtRandomPointsIT's "Timeout trying to lock
     * table"). {@code SHUTDOWN COMPACT} alone does not clear it — it copies pages as they are —
     * so {@link StaleRowLocks} puts the committed versions back first; the journal replay that
     * follows restores what the killed process had acknowledged (ADR 0010). Costs a pass over
     * every table and a rewrite of the file, only after an unclean end, and only in the process
     * that opens the file first. Another process that connected meanwhile loses its connection
     * and follows the database (ADR 0016).
     */
    private static WorkspaceDatabase compactAfterUncleanEnd(Path dir, WorkspaceDatabase database) {
        database.dispose();
        long started = System.nanoTime();
        org.h2.engine.Database opened = null;
        try (Connection c = DriverManager.getConnection(jdbcUrl(dir), "fwb", "");
             Statement s = c.createStatement()) {
            if (opensFileItself(c)) {
                opened = FailedClose.databaseOf(c);
                StaleRowLocks.clear(opened);
                s.execute("SHUTDOWN COMPACT");
                LOG.warn("A process using workspace {} ended without closing it; compacted its database in {} ms",
                        dir, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (SQLException e) {
            // The database stays as it was: still usable, only the rare stuck row lock remains.
            LOG.warn("Could not compact the workspace database after an unclean end: {}", e.getMessage());
        } finally {
            FailedClose.release(opened);
        }
        return openDatabase(dir);
    }

    private static StoreServices assemble(Path dir, WorkspaceDatabase pool, boolean firstProcess) {
        H2FeatureGroupCatalog catalog = new H2FeatureGroupCatalog(pool);
        H2OnlineStore online = new H2OnlineStore(pool);
        ParquetOfflineStore offline = new ParquetOfflineStore(dir.resolve("offline-store"), dir.resolve("locks"));
        if (firstProcess && !ProcessInfo.anyOpen(dir) && !WritePath.otherProcessesAlive(dir)) {
            // Only when no other process has the workspace open: its unpublished temporary files
            // and compaction journals would otherwise look abandoned. Opening the database file
            // first is not enough: a process whose server left hands the file to the next one
            // while other processes still write (ADR 0016, ADR 0017).
            offline.recover();
        }
        WritePath writePath = new WritePath(dir, pool, online, offline, catalog::find,
                () -> catalog.list(GroupListQuery.ALL), Clock.systemUTC());
        try {
            // Before the first read or write: a dead process's journal may hold writes the database lost.
            writePath.settleEndedProcesses(Workspace::notice);
        } catch (RuntimeException e) {
            writePath.close();
            online.close();
            throw e;
        }
        writePath.start(Duration.ofSeconds(1));
        return new StoreServices(catalog, online, offline, writePath, pool::dispose, pool);
    }

    /** True when this process opened the database file (AUTO_SERVER owner), false when it is a client. */
    private static boolean opensFileItself(Connection c) throws SQLException {
        return c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal;
    }

    /** The JDBC URL of the workspace database in {@code dir}, with the settings every opener must share. */
    public static String jdbcUrl(Path dir) {
        // AUTO_SERVER: the first process serves the file to later ones, so GUI + CLI coexist.
        // H2's default write delay (500 ms) stays: an acknowledged put is made durable by the
        // record journal, not by H2 writing its file per commit (ADR 0010); writes outside the
        // journal call WritePath.makeDurable (a disk barrier, database.DiskBarrier) before they report success.
        // DATABASE_EVENT_LISTENER: whichever connection of this process opens a file a killed process
        // left (H2 re-opens auto-commit sessions on its own), the file is repaired first (TornCommits).
        return "jdbc:h2:file:" + dir.resolve("online").resolve("workbench") + ";AUTO_SERVER=TRUE;CACHE_SIZE="
                + cacheKilobytes() + ";DATABASE_EVENT_LISTENER='" + TakeOverRepair.class.getName() + "'";
    }

    /**
     * H2's page cache, in KB: a sixteenth of the maximum heap, between H2's default 16 MB and
     * 128 MB. At the default, a 100k-record online table no longer fit, and GetRecord and
     * PutRecord read B-tree pages back from the file (ADR 0010); the cap keeps the GUI's
     * footprint modest, and the share keeps a {@code -Xmx512m} ingest within its heap.
     */
    static long cacheKilobytes() {
        long sixteenth = Runtime.getRuntime().maxMemory() / 16 / 1024;
        return Math.max(16 * 1024, Math.min(128 * 1024, sixteenth));
    }

    private static void createFolders(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FeatureStoreException("workspace " + dir + " is a file, not a folder; choose a folder "
                    + "with --workspace DIR or " + ENV_VARIABLE);
        }
        try {
            for (String sub : new String[] {"online", "offline-store", "exports", "logs"}) {
                Files.createDirectories(dir.resolve(sub));
            }
        } catch (IOException e) {
            throw new FeatureStoreException("cannot create the workspace folders in " + dir + ": "
                    + IoProblems.reason(e) + "; choose another folder with --workspace DIR or " + ENV_VARIABLE, e);
        }
    }
}
