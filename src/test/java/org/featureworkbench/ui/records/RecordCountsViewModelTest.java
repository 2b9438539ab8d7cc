package org.featureworkbench.ui.records;

import static org.featureworkbench.ui.records.RecordsFixture.hoursAgo;
import static org.featureworkbench.ui.records.RecordsFixture.iso;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCountsViewModelTest {
    @TempDir
    Path workspace;
    RecordsFixture f;
    RecordCountsViewModel counts;

    @BeforeEach
    void open() {
        f = new RecordsFixture(workspace);
        counts = f.vm.counts();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anEmptyGroupCountsNothing() {
        assertEquals("0", counts.value("Online records"));
        assertEquals("0", counts.value("Offline rows"));
        assertEquals("none yet", counts.value("Last offline write"));
    }

    @Test
    void flushMovesWaitingRowsIntoParquetFiles() {
        f.put("c1", iso(hoursAgo(1)), "41");
        f.put("c2", iso(hoursAgo(1)), "52");
        f.put("c1", iso(hoursAgo(3)), "40");
        counts.refresh();
        assertEquals("2", counts.value("Online records"));
        long waiting = Long.parseLong(counts.value("Waiting for offline"));
        long rowsBefore = Long.parseLong(counts.value("Offline rows"));
        assertEquals(3, waiting + rowsBefore, "the background flusher may already have taken some");

        counts.flushNow();
        assertEquals("0", counts.value("Waiting for offline"));
        assertEquals("3", counts.value("Offline rows"), "the older put is history, still in the offline store");
        assertTrue(Long.parseLong(counts.value("Offline files")) >= 1);
        assertTrue(Long.parseLong(counts.value("Partitions")) >= 1);
        assertTrue(counts.value("Last offline write").endsWith("UTC"));
        assertTrue(waiting == 0 || f.vm.noticeProperty().get().startsWith("Flushed " + waiting), f.vm.noticeProperty().get());
    }

    @Test
    void compactAsksFirstThenMergesEachPartitionsFiles() {
        f.put("c1", iso(hoursAgo(1)), "41");
        f.store.records().flush("customers");
        f.put("c2", iso(hoursAgo(1)), "52");
        f.store.records().flush("customers");
        counts.refresh();
        assertEquals("2", counts.value("Offline files"));

        f.dialogs.confirmAnswers.add(Optional.empty());
        counts.compact();
        counts.refresh();
        assertEquals("2", counts.value("Offline files"), "cancelled");

        f.dialogs.confirmAnswers.add(Optional.of(true));
        counts.compact();
        assertEquals("1", counts.value("Offline files"));
        assertEquals("2", counts.value("Offline rows"));
        assertEquals("Compacted customers: 2 rows now in 1 file across 1 partition.", f.vm.noticeProperty().get());
    }
}
