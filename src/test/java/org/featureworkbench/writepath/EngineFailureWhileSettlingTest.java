package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 (seed 30982807783036): reopening after a kill failed because H2 threw an internal
 * AssertionError at the COMMIT of a dead journal's replay. The next process must open the
 * workspace anyway: the settle is tried again on a fresh connection (ADR 0016, addendum).
 */
class EngineFailureWhileSettlingTest {
    @TempDir
    Path dir;

    @AfterEach
    void noHook() {
        JournalSettler.beforeReplayCommit = () -> { };
    }

    @Test
    void anEngineFailureAtTheReplaysCommitDoesNotStopTheWorkspaceFromOpening() throws Exception {
        Path ws = dir.resolve("ws");
        leaveDeadJournal(ws);
        AtomicInteger commits = new AtomicInteger();
        JournalSettler.beforeReplayCommit = () -> {
            if (commits.incrementAndGet() == 1) {
                AssertionError e = new AssertionError();
                e.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                        "org.h2.mvstore.tx.CommitDecisionMaker", "decide", "CommitDecisionMaker.java", 67)});
                throw e;
            }
        };
        try (FeatureStore store = Workspace.open(ws)) {
            assertTrue(commits.get() >= 2, "the replay was committed again after the failure: " + commits);
            assertFalse(Files.exists(ws.resolve("journal").resolve("DeadJournal00001")),
                    "the dead journal is settled and gone: " + journalFolders(ws));
            assertEquals("Lyon", store.records().getRecord(CUSTOMERS, "c1", null).orElseThrow().value("city"));
        }
    }

    /**
     * A journal nobody holds, as a killed process leaves it: a copy, under another id, of the
     * segments a living process wrote, taken before that process closed.
     */
    private static void leaveDeadJournal(Path ws) throws Exception {
        Path journal = ws.resolve("journal");
        Path saved = ws.resolveSibling("saved-segments");
        try (FeatureStore store = Workspace.open(ws)) {
            store.createFeatureGroup(WritePathGroups.customers());
            store.records().putRecord(CUSTOMERS, WritePathGroups.customer("c1", "2024-01-01T00:00:00Z", 41, 0.5,
                    "Lyon"), Set.of(), null);
            Path live;
            try (Stream<Path> s = Files.list(journal)) {
                live = s.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            Files.createDirectories(saved);
            try (Stream<Path> s = Files.list(live)) {
                for (Path segment : s.toList()) {
                    Files.copy(segment, saved.resolve(segment.getFileName()));
                }
            }
        }
        // After the close: a closing process settles every journal nobody holds, this one too.
        Files.move(saved, journal.resolve("DeadJournal00001"));
        Files.createFile(journal.resolve("DeadJournal00001.lock"));
        assertEquals(1, journalFolders(ws).size(), "the dead journal is in place");
    }

    private static List<Path> journalFolders(Path ws) throws Exception {
        try (Stream<Path> s = Files.list(ws.resolve("journal"))) {
            return s.filter(Files::isDirectory).toList();
        }
    }
}
