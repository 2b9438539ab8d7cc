package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSourceReaderTest {
    @TempDir
    Path dir;

    @Test
    void flatObjectsBecomeRowsWithValuesAsWritten() {
        List<SourceRow> rows = Fixtures.readAll(Fixtures.path("events.jsonl"));
        SourceRow first = rows.get(0);
        assertEquals(1, first.line());
        assertEquals("1.50", first.value("score"), "numbers keep their text");
        assertEquals("30", first.value("age"));
        SourceRow second = rows.get(1);
        assertNull(second.value("age"), "JSON null is missing");
        assertEquals("2e-3", second.value("score"));
        assertEquals("true", second.value("vip"));
        assertEquals("1700000001.5", second.value("event_time"));
    }

    @Test
    void headerIsTheKeysOfTheFirstLinesInOrderOfAppearance() {
        try (SourceReader reader = SourceReaders.open(Fixtures.path("events.jsonl"), SourceOptions.DETECT)) {
            assertEquals(SourceFormat.JSONL, reader.format());
            assertEquals(List.of("customer_id", "event_time", "age", "score", "vip"), reader.header().names());
        }
    }

    @Test
    void nestedValuesBadJsonNonObjectsAndDuplicateKeysAreRejectedRows() {
        List<SourceRow> rows = Fixtures.readAll(Fixtures.path("events.jsonl"));
        assertEquals(6, rows.size(), "the blank line 3 is skipped");
        assertEquals("line 4: key 'address' holds a nested object; only flat values can be ingested - flatten it into"
                + " separate keys", rows.get(2).problem());
        assertTrue(rows.get(3).problem().startsWith("line 5: not valid JSON: 'not' is not a value"), rows.get(3).problem());
        assertEquals("line 6: not a JSON object; JSON Lines needs one {...} object per line", rows.get(4).problem());
        assertEquals("line 7: key 'age' appears twice; keep one", rows.get(5).problem());
        assertEquals("[\"c5\", \"2023-11-14T22:13:20Z\"]", rows.get(4).originalText());
    }

    @Test
    void aKeyFirstSeenLateAddsAColumn() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < JsonLinesSourceReader.PRESCAN_LINES + 5; i++) {
            text.append("{\"id\":").append(i).append("}\n");
        }
        text.append("{\"id\":9999,\"late\":\"yes\"}\n");
        Path file = Fixtures.write(dir, "late.jsonl", text.toString());
        try (SourceReader reader = SourceReaders.open(file, SourceOptions.DETECT)) {
            assertEquals(List.of("id"), reader.header().names());
            SourceRow row;
            SourceRow last = null;
            while ((row = reader.next()) != null) {
                last = row;
            }
            assertEquals("yes", last.value("late"));
            assertEquals(List.of("id", "late"), reader.header().names());
            assertTrue(reader.notes().contains("key 'late' first appears on line 1006"), reader.notes().toString());
        }
    }

    @Test
    void jsonLinesIngestMapsAndNormalisesEventTimes() {
        CollectingRejects rejects = new CollectingRejects();
        List<MappedRow> rows = new ArrayList<>();
        IngestProgress counts = CollectingRejects.ingest(Fixtures.path("events.jsonl"), IngestOptions.DEFAULTS,
                Definitions.customers("customers"), rejects, rows);
        assertEquals(6, counts.rowsRead());
        assertEquals(2, counts.rowsAccepted());
        assertEquals("2023-11-14T22:13:21.500Z", rows.get(1).textValue(1));
        assertEquals(0.002, rows.get(1).typedValue(3));
        assertFalse(rejects.rejections.isEmpty());
    }
}
