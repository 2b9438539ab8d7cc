package org.featureworkbench.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.Record;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal segments of an ended process that are torn (cut inside a write) or damaged (a changed
 * byte): check reports them, repair keeps a copy and cuts the segment back to its whole entries.
 * The dead journal is made by copying the live one's segment under a journal id no process holds.
 */
class JournalDamageTest {
    @TempDir
    Path dir;

    @Test
    void aTornSegmentIsAWarningAndRepairCutsItBack() throws Exception {
        try (FeatureStore store = openWithRecords()) {
            Path segment = deadCopyOfLiveSegment();
            long size = Files.size(segment);
            try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw")) {
                raf.setLength(size - 3);
            }
            HealthReport report = store.health().check();
            Finding torn = only(report, Finding.Kind.JOURNAL_TORN);
            assertFalse(report.damaged(), "a torn tail was never acknowledged: a warning, not damage");
            assertTrue(torn.problem().contains("ends inside a write"), torn.problem());

            RepairReport repair = store.health().repair();
            assertTrue(repair.complete(), repair.toString());
            assertTrue(Files.size(segment) < size - 3, "cut back to whole entries");
            assertTrue(repair.after().findings().isEmpty(), repair.after().findings().toString());
            assertTrue(copies(segment.getFileName()) == 1, "the original bytes are kept in damaged/");
        }
    }

    @Test
    void aChangedByteIsDamageAndRepairSaysWhatIsLost() throws Exception {
        try (FeatureStore store = openWithRecords()) {
            Path segment = deadCopyOfLiveSegment();
            try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw")) {
                raf.seek(raf.length() / 2);
                int b = raf.read();
                raf.seek(raf.length() / 2);
                raf.write(b ^ 0xFF);
            }
            HealthReport report = store.health().check();
            only(report, Finding.Kind.JOURNAL_DAMAGED);
            assertTrue(report.damaged());

            RepairReport repair = store.health().repair();
            assertFalse(repair.complete());
            assertTrue(repair.notRestored().get(0).contains("after the damage"), repair.notRestored().toString());
            assertFalse(repair.after().damaged());
        }
    }

    private FeatureStore openWithRecords() throws InterruptedException {
        FeatureStore store = Workspace.open(dir);
        // After the first tick (which settles journals of ended processes) a dead journal stays until close.
        Thread.sleep(1_500);
        store.createFeatureGroup(Definitions.customers("customers"));
        for (int i = 0; i < 50; i++) {
            store.records().putRecord("customers", Record.builder().put("customer_id", "c" + i)
                    .put("event_time", "2026-12-01T00:00:00Z").put("age", Integer.toString(i)).build(), null, null);
        }
        return store;
    }

    /** A copy of this process's current segment as the journal of an ended process (no lock held). */
    private Path deadCopyOfLiveSegment() throws IOException {
        Path journals = dir.resolve("journal");
        Path live;
        try (Stream<Path> walk = Files.walk(journals)) {
            live = walk.filter(p -> p.getFileName().toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        Path dead = journals.resolve("DEADJOURNAL00001");
        Files.createDirectories(dead);
        Files.writeString(journals.resolve("DEADJOURNAL00001.lock"), "");
        return Files.copy(live, dead.resolve(live.getFileName()));
    }

    private long copies(Path name) throws IOException {
        try (Stream<Path> walk = Files.walk(dir.resolve("damaged"))) {
            return walk.filter(p -> p.getFileName().equals(name)).count();
        }
    }

    private static Finding only(HealthReport report, Finding.Kind kind) {
        List<Finding> found = report.findings();
        assertEquals(List.of(kind), found.stream().map(Finding::kind).toList(), found.toString());
        return found.get(0);
    }
}
