package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade's file preview on the ingest fixtures: dialect, rows, types, problems, and file-level errors. */
class FilePreviewTest {
    @TempDir
    Path tmp;
    FeatureStore store;

    @BeforeEach
    void open() {
        store = Workspace.open(tmp.resolve("workspace"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Path fixture(String name) throws Exception {
        return Path.of(FilePreviewTest.class.getResource("/ingest/" + name).toURI());
    }

    private FilePreview preview(Path file, int maxRows) {
        return store.ingest().preview(file, FileOptions.DETECT, maxRows);
    }

    @Test
    void aBomFileIsReadAsUtf8WithTheBomRemovedAndTyped() throws Exception {
        FilePreview p = preview(fixture("intro_customer_bom.csv"), 100);
        assertEquals(FileFormat.CSV, p.format());
        assertEquals(',', p.delimiter());
        assertEquals('"', p.quote());
        assertEquals("UTF-8", p.encoding());
        assertTrue(p.bomRemoved());
        assertEquals(List.of("customer_id", "city_code", "state_code", "country_code"), p.columnNames(),
                "the BOM is not part of the first name");
        assertTrue(p.columns().stream().allMatch(c -> c.type() == FeatureType.INTEGRAL), p.columns().toString());
        assertEquals(new FilePreview.Row(2, List.of("573291", "1", "49", "2")), p.rows().get(0));
        assertTrue(p.problems().isEmpty());
    }

    @Test
    void onlyTheFirstRowsAreReadAndTheRestIsFlagged() throws Exception {
        FilePreview p = preview(fixture("intro_customer_bom.csv"), 2);
        assertEquals(2, p.rows().size());
        assertEquals(3, p.rows().get(1).line());
        assertTrue(p.moreRows());
        assertFalse(preview(fixture("intro_customer_bom.csv"), 10_000).moreRows());
    }

    @Test
    void raggedRowsShowAsProblemsSayingValuesWouldShift() throws Exception {
        FilePreview p = preview(fixture("car_data_ragged.csv"), 100);
        assertEquals(7, p.columns().size());
        assertTrue(p.rows().isEmpty(), "no row is silently shifted into the columns");
        assertEquals(3, p.problems().size());
        FilePreview.Problem first = p.problems().get(0);
        assertEquals(2, first.line());
        assertTrue(first.reason().contains("values would shift"), first.reason());
        assertTrue(first.text().startsWith("96864,6110"), first.text());
        assertTrue(p.columns().stream().allMatch(c -> c.type() == FeatureType.STRING), "no values, nothing to type");
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("never shifted")), p.notes().toString());
    }

    @Test
    void aSemicolonFileKeepsQuotedSemicolonsAndMissingCells() throws Exception {
        FilePreview p = preview(fixture("semicolon.csv"), 100);
        assertEquals(';', p.delimiter());
        assertFalse(p.bomRemoved());
        assertEquals(List.of("id", "name", "city", "score"), p.columnNames());
        assertEquals("Paris; Ile-de-France", p.rows().get(1).value(2));
        assertEquals(Arrays.asList("3", "Cy", "Nice", null), p.rows().get(2).values(), "an empty cell is null");
        assertEquals(List.of(FeatureType.INTEGRAL, FeatureType.STRING, FeatureType.STRING, FeatureType.FRACTIONAL),
                p.columns().stream().map(FilePreview.Column::type).toList());
        assertTrue(p.notes().contains("delimiter ';' detected"), p.notes().toString());
    }

    @Test
    void jsonLinesRowsLineUpWithEveryKeySeenAndBadLinesAreProblems() throws Exception {
        FilePreview p = preview(fixture("events.jsonl"), 100);
        assertEquals(FileFormat.JSONL, p.format());
        assertNull(p.delimiter());
        assertEquals("UTF-8", p.encoding());
        assertTrue(p.columnNames().containsAll(List.of("customer_id", "event_time", "age", "score", "vip")),
                p.columnNames().toString());
        FilePreview.Row c2 = p.rows().get(1);
        assertEquals(2, c2.line());
        assertNull(c2.value(p.columnNames().indexOf("age")), "JSON null is a missing cell");
        assertEquals("true", c2.value(p.columnNames().indexOf("vip")));
        assertEquals(FeatureType.STRING, p.columns().get(p.columnNames().indexOf("customer_id")).type());
        List<Long> problemLines = p.problems().stream().map(FilePreview.Problem::line).toList();
        assertTrue(problemLines.containsAll(List.of(5L, 6L)), p.problems().toString());
        assertEquals(p.recordsRead(), p.rows().size() + p.problems().size());
    }

    @Test
    void aHeaderWithoutRowsIsAnEmptyPreviewNotAnError() throws Exception {
        FilePreview p = preview(fixture("header_only.csv"), 100);
        assertEquals(List.of("customer_id", "event_time", "age", "score"), p.columnNames());
        assertTrue(p.rows().isEmpty() && p.problems().isEmpty() && !p.moreRows());
    }

    @Test
    void anEmptyFileFailsWithTheIngestsMessage() throws Exception {
        var e = assertThrows(FeatureStoreException.class, () -> preview(fixture("empty.csv"), 100));
        assertTrue(e.getMessage().contains("is empty (0 bytes)"), e.getMessage());
    }

    @Test
    void aMissingFileOrADirectoryFailsWithTheIngestsMessage() {
        var missing = assertThrows(FeatureStoreException.class, () -> preview(tmp.resolve("nope.csv"), 100));
        assertTrue(missing.getMessage().startsWith("file not found"), missing.getMessage());
        var directory = assertThrows(FeatureStoreException.class, () -> preview(tmp, 100));
        assertTrue(directory.getMessage().contains("is a directory"), directory.getMessage());
    }

    @Test
    void overridesAreAppliedAndTypesFollowInferenceRules() throws Exception {
        Path file = Files.writeString(tmp.resolve("codes.txt"), "zip|n|x\n01234|1.0|2.5\n07000|2|x\n");
        FilePreview p = store.ingest().preview(file, FileOptions.DETECT.withDelimiter('|'), 100);
        assertEquals('|', p.delimiter());
        assertEquals(List.of(FeatureType.STRING, FeatureType.FRACTIONAL, FeatureType.STRING),
                p.columns().stream().map(FilePreview.Column::type).toList(),
                "leading zeros stay String, 1.0 with 2 is Fractional as inference has it, a mix is String");
    }

    @Test
    void aRowLimitBelowOneIsRefused() throws Exception {
        Path file = fixture("semicolon.csv");
        assertThrows(IllegalArgumentException.class, () -> preview(file, 0));
    }
}
