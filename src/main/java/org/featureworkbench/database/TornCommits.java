package org.featureworkbench.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.h2.engine.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a process does when it opens the database file after its previous owner was killed
 * (ADR 0010, addendum of 2026-12-05). H2 2.5.252 stores the maps of one version one after another
 * while commits go on, so a {@code kill -9} can leave a commit torn in the file: one table holding
 * the transaction's change as committed, another holding it as uncommitted with no undo record.
 * Rows so left are put back as a rollback would have it ({@link StaleRowLocks}). The record
 * journals' marks ({@code FWB_JOURNAL}) are then no longer a reliable "everything up to here is
 * in the file": a mark can be committed while the row its write changed was rolled back. So when
 * any such row is found, every mark is set to {@link #UNKNOWN_MARK}: the next write of each live
 * process finds its mark moved, and replays its journal from its last disk barrier; a dead
 * journal is replayed whole. Both replays apply the store's own ordering rules, so re-applying a
 * write that did reach the file changes nothing.
 */
public final class TornCommits {
    /** The record journals' marks: journal id to the last sequence number applied online. */
    public static final String JOURNAL_TABLE = "FWB_JOURNAL";
    /** A mark that says nothing: replay from the last point known to be on disk. */
    public static final long UNKNOWN_MARK = -1;
    private static final Logger LOG = LoggerFactory.getLogger(TornCommits.class);

    private TornCommits() {
    }

    /**
     * Clears the stale row versions of the database behind {@code c} (an embedded connection
     * of the process that has just opened the file) and, when there were any, sets every journal
     * mark to {@link #UNKNOWN_MARK}; then writes both to disk, so a second kill cannot keep one
     * without the other. Does nothing for a client connection.
     */
    public static void repair(Connection c) throws SQLException {
        Database database = FailedClose.databaseOf(c);
        if (database == null || StaleRowLocks.clear(database) == 0) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try {
            if (hasJournalTable(c)) {
                try (Statement s = c.createStatement()) {
                    int marks = s.executeUpdate("UPDATE " + JOURNAL_TABLE + " SET APPLIED_SEQ = " + UNKNOWN_MARK);
                    LOG.warn("The database file may hold commits torn by the kill; {} record journals will replay"
                            + " from their last point on disk", marks);
                }
            }
            DiskBarrier.writeToDisk(c);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Whether the database file {@code base}{@code .mv.db} was left by a process that did not
     * close it: H2's lock file is still there, or the file's header lacks H2's clean-close mark
     * (H2 removes it with the first write after opening and puts it back on close).
     */
    static boolean leftUnclosed(Path base) {
        Path file = base.resolveSibling(base.getFileName() + ".mv.db");
        if (!Files.exists(file)) {
            return false;
        }
        if (Files.exists(base.resolveSibling(base.getFileName() + ".lock.db"))) {
            return true;
        }
        byte[] header = new byte[4096];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            return true; // unreadable now: let the scan decide, it costs only time
        }
        String text = new String(header, 0, read, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        return Arrays.stream((end < 0 ? text : text.substring(0, end)).split(",")).noneMatch("clean:1"::equals);
    }

    private static boolean hasJournalTable(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, JOURNAL_TABLE, null)) {
            return rs.next();
        }
    }
}
