package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestReaderTest {
    @TempDir
    Path dir;

    private Path manyRows(int n) {
        StringBuilder text = new StringBuilder("customer_id,event_time,age,score\n");
        for (int i = 0; i < n; i++) {
            text.append('c').append(i).append(",2023-11-14T22:13:20Z,").append(i % 3 == 0 ? "x" : "30").append(",1.5\n");
        }
        return Fixtures.write(dir, "many.csv", text.toString());
    }

    @Test
    void everyRowIsEitherReturnedOrRejectedAndCounted() {
        Path rejectsFile = dir.resolve("rejects.csv");
        List<MappedRow> rows = new ArrayList<>();
        IngestProgress counts;
        try (RejectsWriter rejects = new RejectsWriter(rejectsFile);
             IngestReader reader = IngestReader.open(manyRows(3000), IngestOptions.DEFAULTS,
                     Definitions.customers("customers"), rejects)) {
            reader.forEachRemaining(rows::add);
            counts = reader.counts();
            assertEquals(1000, rejects.count());
        }
        assertEquals(3000, counts.rowsRead());
        assertEquals(2000, counts.rowsAccepted());
        assertEquals(1000, counts.rowsRejected());
        assertEquals(rows.size(), counts.rowsAccepted());
        assertEquals(1000, Fixtures.readAll(rejectsFile).size());
        assertEquals("line 2: age (Integral): 'x' is not a whole number; an Integral feature takes an optional sign and"
                + " digits, e.g. 42 or -7", Fixtures.readAll(rejectsFile).get(0).value("reason"));
    }

    @Test
    void cancellationStopsTheReadWithTheRowsSoFarCounted() {
        AtomicInteger seen = new AtomicInteger();
        try (IngestReader reader = IngestReader.open(manyRows(5000), IngestOptions.DEFAULTS,
                Definitions.customers("customers"), RejectSink.NONE, null, () -> seen.get() >= 1000)) {
            var e = assertThrows(IngestCancelledException.class, () -> reader.forEachRemaining(r -> seen.incrementAndGet()));
            assertTrue(e.getMessage().startsWith("ingest of many.csv cancelled after"), e.getMessage());
            assertTrue(reader.counts().rowsRead() < 5000);
        }
    }

    @Test
    void progressIsReportedAtTheEndWithAllBytesRead() {
        List<IngestProgress> reports = new ArrayList<>();
        try (IngestReader reader = IngestReader.open(manyRows(100), IngestOptions.DEFAULTS,
                Definitions.customers("customers"), RejectSink.NONE, reports::add, CancellationToken.NONE)) {
            reader.forEachRemaining(r -> { });
        }
        IngestProgress last = reports.get(reports.size() - 1);
        assertEquals(100, last.rowsRead());
        assertEquals(1.0, last.fraction());
    }
}
