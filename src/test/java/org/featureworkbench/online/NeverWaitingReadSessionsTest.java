package org.featureworkbench.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.model.ReadWouldWaitException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selector's read sessions (ADR 0021 addendum 3-stall): lock timeout 0 while they are ours, a
 * held table lock answered at once with ReadWouldWaitException (the session kept), and the
 * connection handed back to the shared pool with its usual timeout, so writers still wait.
 */
public class NeverWaitingReadSessionsTest {
    private static final CountDownLatch entered = new CountDownLatch(1);
    private static final CountDownLatch release = new CountDownLatch(1);
    @TempDir
    Path dir;
    private JdbcConnectionPool pool;

    @BeforeEach
    void open() throws SQLException {
        // two connections: those ReadSessions closes are what the next borrowers get
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db"), "fwb", "");
        pool.setMaxConnections(3);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO t VALUES (1, 10)");
        }
    }

    @AfterEach
    void close() {
        pool.dispose();
    }

    @Test
    void heldLockIsReportedAtOnceAndTheUsualTimeoutIsRestored() throws Exception {
        int usual;
        try (Connection c = pool.getConnection()) {
            usual = lockTimeout(c);
        }
        assertTrue(usual > 0, "H2 waits for locks by default");
        ReadSessions sessions = new ReadSessions(pool, 1, true);
        assertEquals(Integer.valueOf(0), sessions.<Integer>with(s -> lockTimeout(s.connection())), "lock timeout 0 while the session is ours");

        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<?> alter = background.submit(() -> {
                try (Connection holder = pool.getConnection(); Statement s = holder.createStatement()) {
                    s.execute("CREATE ALIAS IF NOT EXISTS FWB_TEST_HOLD FOR \"" + getClass().getName() + ".holdTheLock\"");
                    // a check constraint is evaluated on every row under the table's exclusive lock
                    s.execute("ALTER TABLE t ADD CONSTRAINT held CHECK (FWB_TEST_HOLD() = 0)");
                }
                return null;
            });
            assertTrue(entered.await(10, TimeUnit.SECONDS) || alter.isDone(), "the ALTER started");
            assertEquals(0, entered.getCount(), "the ALTER holds the lock");
            long start = System.nanoTime();
            assertThrows(ReadWouldWaitException.class, () -> sessions.with(r -> read(r.connection())));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < usual / 2, "declined in " + millis + " ms, not after the " + usual + " ms timeout");
            release.countDown();
            alter.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            background.shutdownNow();
        }
        assertEquals(Integer.valueOf(10), sessions.<Integer>with(s -> read(s.connection())), "the same session reads once the lock is gone");

        sessions.close();
        try (Connection c = pool.getConnection(); Connection other = pool.getConnection()) {
            assertEquals(usual, lockTimeout(c), "the pool's connection has its usual timeout again");
            assertEquals(usual, lockTimeout(other));
        }
    }

    /** The check constraint's function: holds the ALTER (and its table lock) until released. */
    public static int holdTheLock() throws InterruptedException {
        entered.countDown();
        if (!release.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the table lock");
        }
        return 0;
    }

    private static int read(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM t WHERE id = 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int lockTimeout(Connection c) throws SQLException {
        return ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getLockTimeout();
    }
}
