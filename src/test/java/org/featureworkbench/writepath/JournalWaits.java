package org.featureworkbench.writepath;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Waiting for the background tick of a write path in tests. */
final class JournalWaits {
    private JournalWaits() {
    }

    /** Waits (at most 30 s) until no journal under {@code journalRoot} has a segment named {@code segment}. */
    static void awaitSegmentDeleted(Path journalRoot, String segment) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try (Stream<Path> files = Files.walk(journalRoot)) {
                if (files.noneMatch(f -> f.getFileName().toString().equals(segment))) {
                    return;
                }
            }
            assertTrue(System.currentTimeMillis() < deadline, "the tick settled the published segment " + segment);
            Thread.sleep(20);
        }
    }

    /** Waits (at most 30 s) until the journal in {@code journal} has recorded a disk barrier. */
    static void awaitDurablePoint(Path journal) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (DurablePoint.read(journal) <= 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the journal recorded its last barrier");
            Thread.sleep(20);
        }
    }
}
