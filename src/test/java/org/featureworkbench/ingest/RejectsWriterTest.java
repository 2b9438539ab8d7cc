package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsWriterTest {
    @TempDir
    Path dir;

    @Test
    void rejectsRoundTripThroughOurOwnCsvReader() {
        Path file = dir.resolve("sub/rejects.csv");
        String multiLine = "c1,\"two\r\nlines\",\"say \"\"hi\"\"\"";
        try (RejectsWriter writer = new RejectsWriter(file)) {
            writer.reject(new RowRejection(2, multiLine, "line 2: age (Integral): 'x' is not a whole number"));
            writer.reject(new RowRejection(5, "plain", "why; no comma"));
            assertEquals(2, writer.count());
        }
        List<SourceRow> rows = Fixtures.readAll(file);
        assertEquals(2, rows.size());
        assertEquals("2", rows.get(0).value("line"));
        assertEquals("line 2: age (Integral): 'x' is not a whole number", rows.get(0).value("reason"));
        assertEquals(multiLine, rows.get(0).value("original"));
        assertEquals("plain", rows.get(1).value("original"));
        assertEquals(4, rows.get(1).line(), "the two-line original spans lines 2-3 of the rejects file");
    }

    @Test
    void anIngestWithoutRejectsLeavesJustTheHeader() throws IOException {
        Path file = dir.resolve("none.csv");
        new RejectsWriter(file).close();
        assertEquals("line,reason,original\n", Files.readString(file, StandardCharsets.UTF_8));
    }
}
