package org.featureworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.featureworkbench.ingest.EventTimeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetBenchmarkDataTest {
    @TempDir
    Path dir;

    @Test
    void noRecordHasTwoRowsAtOneEventTimeAndTimesStayInTheSpan() throws Exception {
        Instant end = DatasetBenchmarkData.START.plusSeconds(DatasetBenchmarkData.SPAN_SECONDS);
        for (DatasetBenchmarkGroup g : DatasetBenchmarkGroup.all()) {
            Path file = dir.resolve(g.name() + ".csv");
            DatasetBenchmarkData.writeHistory(file, g, 5_000, 50);
            List<String> lines = Files.readAllLines(file);
            assertEquals(5_001, lines.size());
            Set<String> keys = new HashSet<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                Instant t = EventTimeParser.parse(cells[1]);
                assertTrue(!t.isBefore(DatasetBenchmarkData.START) && t.isBefore(end), line);
                // As instants: "…:37Z" and "…:37.000Z" are one event time.
                assertTrue(keys.add(cells[0] + "@" + t), "duplicate (id, event time): " + line);
            }
        }
    }

    @Test
    void eventTimesUseEachGroupsFormat() {
        long millis = Instant.parse("2024-01-01T00:00:37.001Z").toEpochMilli();
        assertEquals("1704067237.001", DatasetBenchmarkData.time(DatasetBenchmarkColumn.Kind.EPOCH_TIME, millis, false));
        assertEquals("2024-01-01T00:00:37Z", DatasetBenchmarkData.time(DatasetBenchmarkColumn.Kind.ISO_TIME, millis, false));
        assertEquals("2024-01-01T00:00:37.001Z", DatasetBenchmarkData.time(DatasetBenchmarkColumn.Kind.ISO_TIME, millis, true));
    }
}
