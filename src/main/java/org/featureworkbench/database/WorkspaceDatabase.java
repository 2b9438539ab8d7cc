package org.featureworkbench.database;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.featureworkbench.model.FeatureStoreException;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The workspace database for one process, following it from owner to owner (ADR 0016). H2's
 * AUTO_SERVER lets the process that opens the file serve it to the others; when that process
 * exits, the others' connections break and the next connection one of them opens takes the file
 * over (or reaches the process that did). This data source
 * <ul>
 *   <li>hands out connections of the current pool, and when one of them is found lost
 *       ({@link ConnectionLoss}) drops the whole pool — every connection of it went to the same
 *       gone server — so the next {@link #getConnection} follows the database to its new owner;</li>
 *   <li>waits, while the database changes hands ("Connection refused", "Locked by another
 *       process", a broken handshake), instead of failing, and after a second says for which
 *       processes it waits (their {@link ProcessInfo}).</li>
 * </ul>
 * Callers retry their unit of work once a connection is lost ({@link Retry}); what a lost
 * transaction did is rolled back, and the record journal makes the retried write safe.
 * Thread-safe.
 */
public final class WorkspaceDatabase implements DataSource, HandOvers {
    /** How long a connection is waited for before the command fails with the processes named. */
    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final int MAX_CONNECTIONS = 32;
    /** How long a lock file whose server stopped answering is given to disappear (a clean exit). */
    private static final Duration CLEAN_EXIT_GRACE = Duration.ofSeconds(1);
    /** In-JVM half of the hand-over lock (a FileLock guards only against other processes). */
    /** Package-private for {@code DisposedPoolDuringHandOverTest}, which holds it to stand for a slow turn. */
    static final Object HANDOVER_GUARD = new Object();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkspaceDatabase.class);

    private final String url;
    private final Path workspace;
    private final Consumer<String> notices;
    /** Held while this data source may have the database open; null without a writable folder. */
    private final OpenerLock openerLock;
    private volatile Generation current;
    /** Generations replaced after a lost connection: {@link #handOvers()}. */
    private volatile long handOvers;

    /**
     * @param notices told, in words for the user, when this process has to wait for another
     */
    public WorkspaceDatabase(String url, Path workspace, Consumer<String> notices) {
        this.url = url;
        this.workspace = workspace;
        this.notices = notices;
        this.openerLock = OpenerLock.take(workspace.resolve("online"));
        this.current = new Generation(newPool());
    }

    private JdbcConnectionPool newPool() {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "fwb", "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        return pool;
    }

    /**
     * A live connection, waiting while another process opens or hands over the database.
     *
     * @throws SQLException for failures that are not a hand-over, or after {@link #PATIENCE}
     */
    @Override
    public Connection getConnection() throws SQLException {
        long start = System.nanoTime();
        long deadline = start + PATIENCE.toNanos();
        boolean told = false;
        long pause = 20;
        while (true) {
            Generation gen = generation();
            try {
                Connection c = gen.connected ? gen.pool.getConnection() : firstConnection(gen);
                if (told) {
                    notices.accept("the workspace database is available again (waited "
                            + (System.nanoTime() - start) / 1_000_000 + " ms); going on");
                }
                return wrap(c, gen);
            } catch (SQLException | RuntimeException e) {
                if (gen != current) {
                    // Another thread of this process found the hand-over first and replaced this
                    // generation's pool (disposing it) while this one waited for its turn to open:
                    // H2 then says "Connection pool has been disposed". Take the new pool.
                    continue;
                }
                if (!ConnectionLoss.isHandOver(e)) {
                    throw e;
                }
                gen.lost = true;
                long now = System.nanoTime();
                if (now > deadline) {
                    throw new FeatureStoreException("the workspace database in " + workspace.resolve("online")
                            + " did not become available within " + PATIENCE.toMinutes() + " minutes (" + waitingFor()
                            + "); close those processes or try again", e);
                }
                if (!told && now - start > 1_000_000_000L) {
                    notices.accept("waiting for the workspace database, which another process is opening or handing"
                            + " over (" + waitingFor() + ")");
                    told = true;
                }
                sleep(pause);
                pause = Math.min(500, pause * 2);
            }
        }
    }

    /**
     * The first connection of a pool, taken while no other process of this workspace takes one.
     * When the serving process exits, every other process reconnects at once, and H2's file lock
     * protocol (write your id, wait two seconds, check it is still yours) then lets none of them
     * win for many rounds: 8–20 s of waiting was measured with four writers. One at a time, the
     * first takes the file over and the others find its server at once (ADR 0016).
     */
    private Connection firstConnection(Generation gen) throws SQLException {
        synchronized (HANDOVER_GUARD) {
            try (FileChannel channel = FileChannel.open(workspace.resolve("online").resolve("handover.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                boolean ownerKilled = awaitCleanExit();
                Connection c = gen.pool.getConnection();
                gen.database = FailedClose.databaseOf(c);
                gen.repairPending |= ownerKilled;
                if (gen.repairPending && gen.database != null) {
                    // Before anyone else writes: a killed owner may have left row locks and torn commits
                    // in the file. Usually TakeOverRepair did it while H2 opened the file (then this is
                    // a no-op); not when this process deleted the lock file and H2's header looks clean.
                    try {
                        TornCommits.repair(c);
                    } catch (SQLException | RuntimeException e) {
                        c.close(); // the next connection of this generation tries again
                        throw e;
                    }
                }
                gen.repairPending = false;
                gen.connected = true;
                return c;
            } catch (IOException e) {
                // No lock file (read-only folder?): connect without the turn-taking.
                Connection c = gen.pool.getConnection();
                gen.connected = true;
                return c;
            }
        }
    }

    /**
     * When H2's lock file names a server that no longer answers, its owner is exiting or dead.
     * When no other data source holds an opener lock ({@link OpenerLock}), no living process can
     * have the file open: the lock file is a killed owner's, and it is deleted so that opening
     * takes ~25 ms instead of H2's protocol for a stale lock (wait until the file is two seconds
     * old, write, sleep two seconds). Otherwise a clean exit deletes the file a moment later, so
     * give the owner up to a second to finish: only a killed owner's file outlives that.
     *
     * @return whether the lock file was a dead owner's (the file was not closed cleanly)
     */
    private boolean awaitCleanExit() {
        Path lockFile = workspace.resolve("online").resolve("workbench.lock.db");
        long deadline = System.nanoTime() + CLEAN_EXIT_GRACE.toNanos();
        boolean first = true;
        while (Files.exists(lockFile) && System.nanoTime() < deadline) {
            String before = read(lockFile);
            InetSocketAddress server = serverIn(before);
            if (before != null && server != null && answers(server)) {
                return false; // a living server: H2 connects to it at once
            }
            if (first && OpenerLock.nobodyElse(workspace.resolve("online"), openerLock)) {
                // Nobody alive can have written it: a killed owner's (or one killed while opening).
                if (before == null || before.equals(read(lockFile))) {
                    deleteStaleLock(lockFile);
                }
                return true;
            }
            if (server == null) {
                return false; // being written by a living process: H2's protocol decides
            }
            first = false;
            sleep(10);
        }
        // Still there after the grace: the owner's server is gone without deleting it, i.e. killed.
        return Files.exists(lockFile);
    }

    private static void deleteStaleLock(Path lockFile) {
        try {
            Files.deleteIfExists(lockFile);
            LOG.info("Deleted the lock file {} of a process that ended without closing the database", lockFile);
        } catch (IOException e) {
            // H2's own protocol for a stale lock takes over
        }
    }

    /** The lock file's text, or null when it is gone or unreadable. */
    private static String read(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
    }

    /** The {@code server} property of H2's lock file's text, or null. */
    private static InetSocketAddress serverIn(String lockText) {
        if (lockText == null) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = new java.io.StringReader(lockText)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        String server = p.getProperty("server");
        int colon = server == null ? -1 : server.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            return new InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean answers(InetSocketAddress server) {
        try (Socket s = new Socket()) {
            s.connect(server, 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** "processes on this workspace: …", or that none other runs. */
    private String waitingFor() {
        List<ProcessInfo> others = ProcessInfo.others(workspace);
        return others.isEmpty() ? "no other process of this workspace runs"
                : "processes on this workspace: " + others.stream().map(ProcessInfo::describe)
                        .collect(Collectors.joining("; "));
    }

    /**
     * What a thread that finds a connection lost does: marks the pool lost and replaces it (the
     * old pool is disposed). Package-private for {@code DisposedPoolDuringHandOverTest}.
     */
    void followHandOver() {
        current.lost = true;
        generation();
    }

    /** The current pool; a fresh one once a connection of the old one was lost. */
    private synchronized Generation generation() {
        if (current.lost) {
            LOG.info("Lost the connection to the process serving the workspace database; following the database"
                    + " to its next owner");
            Generation old = current;
            handOvers++; // before any connection of the new pool is handed out
            current = new Generation(newPool());
            old.pool.dispose();
            FailedClose.release(old.database);
        }
        return current;
    }

    /**
     * Whether a connection taken now is this process's own session on the database file, taken
     * without waiting: this process opened the file itself (it is the AUTO_SERVER owner, not a
     * client whose every statement is a round trip to another process's server), nothing of the
     * current pool was found lost (no hand-over under way), and the pool has a connection to spare.
     * A hint for choosing a thread, not a promise: a caller that gets {@code true} may still be
     * unlucky (the pool filling up a moment later), never wrong about data.
     */
    public boolean servesFileItself() {
        Generation gen = current;
        return gen.database != null && !gen.lost && gen.pool.getActiveConnections() < MAX_CONNECTIONS;
    }

    @Override
    public long handOvers() {
        return handOvers;
    }

    /** Closes every connection; the data source cannot be used afterwards. */
    public synchronized void dispose() {
        boolean inUse = current.pool.getActiveConnections() > 0;
        current.pool.dispose();
        if (!inUse) {
            FailedClose.release(current.database);
        }
        if (openerLock != null && !inUse) {
            // A connection still in use keeps the database open after this; then the lock stays
            // with the process, so nobody takes the file for a dead owner's while it closes.
            openerLock.release();
        }
    }

    /**
     * Marks the pool lost when the connection reports a lost session, so nobody gets its siblings;
     * and counts a hand-over at once when H2 re-connected the session by itself (an auto-commit
     * session whose server died is re-opened on the new owner without any error reaching us), so
     * a writer learns of it before it commits on the new owner (ADR 0010, addendum of 2026-12-05).
     */
    private Connection wrap(Connection target, Generation gen) {
        int reconnectsAtStart = reconnects(target);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && sessionClosed(target)) {
                        gen.lost = true;
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        if (ConnectionLoss.isLost(e.getCause())) {
                            gen.lost = true;
                        }
                        throw e.getCause();
                    } finally {
                        if (!gen.lost && reconnects(target) != reconnectsAtStart) {
                            gen.lost = true;
                            generation(); // counts the hand-over now
                        }
                    }
                });
    }

    /** How often H2 re-connected the connection's session by itself. */
    private static int reconnects(Connection c) {
        try {
            var session = c.unwrap(JdbcConnection.class).getSession();
            return session instanceof org.h2.engine.SessionRemote remote ? remote.getLastReconnect() : 0;
        } catch (SQLException | RuntimeException e) {
            return 0;
        }
    }

    /** A remote session whose socket failed reports itself closed though nobody closed it. */
    private static boolean sessionClosed(Connection c) {
        try {
            var session = c.unwrap(JdbcConnection.class).getSession();
            return session != null && session.isClosed();
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeatureStoreException("interrupted while waiting for the workspace database");
        }
    }

    /** One pool and whether a connection of it was found lost. */
    private static final class Generation {
        final JdbcConnectionPool pool;
        volatile boolean lost;
        /** Whether a connection of this pool was had: later ones need no turn-taking. */
        volatile boolean connected;
        /** The database this pool opened itself (this process serves it), or null. */
        volatile org.h2.engine.Database database;
        /** A killed owner's file was taken over and its repair has not succeeded yet. */
        volatile boolean repairPending;

        Generation(JdbcConnectionPool pool) {
            this.pool = pool;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the workspace database has one user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no JDBC driver log; SLF4J is the app's log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // waiting is governed by PATIENCE
    }

    @Override
    public int getLoginTimeout() {
        return (int) PATIENCE.toSeconds();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
