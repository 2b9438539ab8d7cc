package org.featureworkbench.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.h2.api.DatabaseEventListener;
import org.h2.engine.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link TornCommits#repair} whenever this process opens a database file that a killed
 * process left, whoever in the process opens it. H2 calls it for every opening named in the
 * JDBC URL ({@code DATABASE_EVENT_LISTENER}), which matters because {@link WorkspaceDatabase}'s
 * take-over is not the only way in: when the serving process dies, H2 itself re-opens an
 * auto-commit session of this process (AUTO_SERVER implies AUTO_RECONNECT), taking the file over
 * without asking anyone; it was that path that left a torn commit unrepaired and lost an
 * acknowledged put ({@code ServingProcessKilledIT}, CI of 2026-12-05).
 */
public final class TakeOverRepair implements DatabaseEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(TakeOverRepair.class);
    private volatile String url;
    private volatile boolean leftUnclosed;

    /** Before H2 takes the file's lock: the file still shows whether its last owner closed it. */
    @Override
    public void init(String url) {
        this.url = url;
        Path base = fileBase(url);
        leftUnclosed = base != null && TornCommits.leftUnclosed(base);
    }

    /** After H2 opened the file, before the session that opened it exists. */
    @Override
    public void opened() {
        if (!leftUnclosed) {
            return;
        }
        Database database = null;
        // A second session on the database just opened (H2 finds it by name in this JVM).
        try (Connection c = DriverManager.getConnection(url, "fwb", "")) {
            database = FailedClose.databaseOf(c);
            if (database != null) {
                // It is the only session so far: closing it would close the database H2 is opening.
                database.setCloseDelay(-1);
            }
            TornCommits.repair(c);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not check the workspace database for writes a killed process left half done: {}",
                    e.getMessage());
        } finally {
            if (database != null) {
                database.setCloseDelay(0); // the URL's (H2's default): close with the last session
            }
        }
    }

    /** {@code /dir/online/workbench} of {@code jdbc:h2:file:/dir/online/workbench;…}, or null for another URL. */
    static Path fileBase(String url) {
        String prefix = "jdbc:h2:file:";
        if (url == null || !url.startsWith(prefix)) {
            return null;
        }
        int end = url.indexOf(';');
        return Path.of(url.substring(prefix.length(), end < 0 ? url.length() : end));
    }
}
