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
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.h2.engine.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a process does when it opens the database file after a process that had it open was
 * killed (ADR 0010, addendum of 2026-12-05). H2 2.5.252 stores the maps of one version one after
 * another while commits go on, so a {@code kill -9} can leave a commit torn in the file: the
 * record journal's mark ({@code FWB_JOURNAL}) and the online row a write changed are in two maps,
 * and the file can hold the mark committed and the row not — with or without a trace of the row's
 * version ({@link StaleRowLocks}). A mark is then no proof that its writes are on disk, so after
 * every such opening every mark is set to {@link #UNKNOWN_MARK}: each live process's next write
 * finds its mark moved and replays its journal from its last disk barrier; a dead journal is
 * replayed whole. The replays follow the store's own ordering, so re-applying a write that did
 * reach the file changes nothing.
 */
public final class TornCommits {
    /** The record journals' marks: journal id to the last sequence number applied online. */
    public static final String JOURNAL_TABLE = "FWB_JOURNAL";
    /** A mark that says nothing: replay from the last point known to be on disk. */
    public static final long UNKNOWN_MARK = -1;
    private static final Logger LOG = LoggerFactory.getLogger(TornCommits.class);
    /** Databases (openings of the file) already repaired in this JVM. */
    private static final Map<Database, Boolean> REPAIRED = Collections.synchronizedMap(new WeakHashMap<>());

    private TornCommits() {
    }

    /**
     * Repairs the database behind {@code c}, an embedded connection of the process that has just
     * opened a file a killed process left: clears the stale row versions (first: a mark's own row
     * may carry one, and updating it would wait for ever) and distrusts every journal mark, both
     * reaching the file in one store, so a second kill leaves both or neither. Other sessions
     * wait meanwhile (H2's exclusive mode). Once per opening; nothing for a client connection.
     */
    public static synchronized void repair(Connection c) throws SQLException {
        Database database = FailedClose.databaseOf(c);
        if (database == null || REPAIRED.containsKey(database)) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("SET EXCLUSIVE 1");
            try {
                int[] counts = new int[2];
                DiskBarrier.inOneStore(database, () -> {
                    counts[0] = StaleRowLocks.clear(database);
                    counts[1] = hasJournalTable(c)
                            ? s.executeUpdate("UPDATE " + JOURNAL_TABLE + " SET APPLIED_SEQ = " + UNKNOWN_MARK) : 0;
                });
                LOG.warn("Opened the workspace database after a process using it was killed: {} record journals will"
                        + " replay their writes since their last disk barrier; {} row versions of unfinished"
                        + " transactions cleared", counts[1], counts[0]);
            } finally {
                s.execute("SET EXCLUSIVE 0");
            }
            REPAIRED.put(database, Boolean.TRUE);
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
            return true; // unreadable now: repairing costs only time
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
