package org.featureworkbench.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread waiting for its turn to open the database while another thread of the process follows
 * a hand-over (replacing and disposing the pool the first one was about to use). Seen in
 * {@code ManyProcessesOneWorkspaceIT}: the waiting thread failed with H2's "Connection pool has
 * been disposed" and the process ended with a stack trace.
 */
class DisposedPoolDuringHandOverTest {
    @TempDir
    Path workspace;

    @Test
    @Timeout(60)
    void aThreadWhosePoolWasReplacedWhileItWaitedTakesTheNewPool() throws Exception {
        Files.createDirectories(workspace.resolve("online"));
        WorkspaceDatabase database = new WorkspaceDatabase(Workspace.jdbcUrl(workspace), workspace, notice -> { });
        AtomicReference<Integer> answer = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiting = new Thread(() -> {
            try (Connection c = database.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 42")) {
                rs.next();
                answer.set(rs.getInt(1));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        try {
            synchronized (WorkspaceDatabase.HANDOVER_GUARD) {
                waiting.start();
                // It holds the first pool and waits for its turn to open the file.
                while (waiting.getState() != Thread.State.BLOCKED) {
                    Thread.sleep(5);
                }
                database.followHandOver();
            }
            waiting.join(30_000);
            assertNull(failure.get(), () -> "the waiting thread failed: " + failure.get());
            assertEquals(42, answer.get());
            try (Connection again = database.getConnection()) {
                assertTrue(again.isValid(1), "the new pool keeps serving");
            }
        } finally {
            database.dispose();
        }
    }
}
