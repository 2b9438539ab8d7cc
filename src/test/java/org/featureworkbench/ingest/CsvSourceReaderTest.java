package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceReaderTest {
    @TempDir
    Path dir;

    @Test
    void byteOrderMarkIsNotPartOfTheFirstColumnName() {
        try (SourceReader reader = SourceReaders.open(Fixtures.path("intro_customer_bom.csv"), SourceOptions.DETECT)) {
            assertEquals(List.of("customer_id", "city_code", "state_code", "country_code"), reader.header().names());
            assertFalse(reader.header().name(0).startsWith("\uFEFF"));
            SourceRow first = reader.next();
            assertEquals("573291", first.value("customer_id"));
            assertEquals(2, first.line());
        }
    }

    @Test
    void crlfLineEndsAndALineBreakInsideQuotesKeepLineNumbersExact() {
        List<SourceRow> rows = Fixtures.readAll(Fixtures.path("crlf.csv"));
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).line());
        assertEquals("two\r\nlines", rows.get(0).value("note"));
        assertEquals(4, rows.get(1).line(), "the quoted value spans lines 2-3, so the next row starts on line 4");
        assertEquals("plain", rows.get(1).value("note"));
        assertEquals("c2,2023-11-14T22:13:21Z,31,2.5,plain", rows.get(1).originalText());
    }

    @Test
    void doubledQuotesStandForOneQuoteAndDelimitersInsideQuotesAreText() {
        Path file = Fixtures.write(dir, "q.csv", "a,b\n\"say \"\"hi\"\", ok\",2\n");
        SourceRow row = Fixtures.readAll(file).get(0);
        assertEquals("say \"hi\", ok", row.value("a"));
        assertEquals("\"say \"\"hi\"\", ok\",2", row.originalText());
    }

    @Test
    void unquotedEmptyCellIsMissingButQuotedEmptyCellIsEmptyText() {
        Path file = Fixtures.write(dir, "e.csv", "a,b,c\n,\"\",x\n");
        SourceRow row = Fixtures.readAll(file).get(0);
        assertNull(row.value("a"));
        assertEquals("", row.value("b"));
        assertEquals("x", row.value("c"));
    }

    @Test
    void aPlainCellIsItsValueInPlaceAndOnlyEscapedOrQuotedEmptyCellsAreNot() {
        Path file = Fixtures.write(dir, "p.csv", "a,b,c,d,e\n\" 42 \",,\"\",\"x\"\"y\",-7.5\n");
        SourceRow row = Fixtures.readAll(file).get(0);
        String text = row.originalText();
        assertTrue(row.plainCell(0));
        assertEquals(" 42 ", text.substring(row.cellStart(0), row.cellEnd(0)));
        assertEquals(" 42 ", row.value(0));
        assertTrue(row.plainCell(1), "an unquoted empty cell is an empty range (missing)");
        assertEquals(row.cellStart(1), row.cellEnd(1));
        assertNull(row.value(1));
        assertFalse(row.plainCell(2), "a quoted empty cell is \"\", not missing");
        assertEquals("", row.value(2));
        assertFalse(row.plainCell(3), "a doubled quote must be resolved");
        assertEquals("x\"y", row.value(3));
        assertTrue(row.plainCell(4));
        assertEquals("-7.5", text.substring(row.cellStart(4), row.cellEnd(4)));
        assertFalse(row.plainCell(5), "no such column");
    }

    @Test
    void trailingDelimiterGivesAnEmptyLastField() {
        Path file = Fixtures.write(dir, "t.csv", "a,b\n1,");
        SourceRow row = Fixtures.readAll(file).get(0);
        assertFalse(row.isRejected());
        assertNull(row.value("b"));
    }

    @Test
    void blankLinesAreSkippedAndTheLastLineNeedsNoLineBreak() {
        Path file = Fixtures.write(dir, "b.csv", "a,b\n\n1,2\n\n\n3,4");
        List<SourceRow> rows = Fixtures.readAll(file);
        assertEquals(2, rows.size());
        assertEquals(3, rows.get(0).line());
        assertEquals(6, rows.get(1).line());
        assertEquals("4", rows.get(1).value("b"));
    }

    @Test
    void backslashEscapesAreDetectedAndUnescaped() {
        Path file = Fixtures.write(dir, "bs.csv", "a,b\n\"he said \\\"no\\\" twice\",1\n");
        SourceRow row = Fixtures.readAll(file).get(0);
        assertEquals("he said \"no\" twice", row.value("a"));
    }

    @Test
    void textAfterAClosingQuoteRejectsTheRowInsteadOfGuessing() {
        Path file = Fixtures.write(dir, "x.csv", "a,b\n\"abc\"def,1\n2,3\n");
        List<SourceRow> rows = Fixtures.readAll(file);
        assertTrue(rows.get(0).isRejected());
        assertTrue(rows.get(0).problem().contains("line 2: column 1 has text after its closing quote"), rows.get(0).problem());
        assertEquals("3", rows.get(1).value("b"), "the parser resynchronises on the next line");
    }

    @Test
    void aQuoteInsideAnUnquotedValueIsAnOrdinaryCharacter() {
        Path file = Fixtures.write(dir, "h.csv", "name,height\nbob,5'11\"\n");
        assertEquals("5'11\"", Fixtures.readAll(file).get(0).value("height"));
    }

    @Test
    void rowsLongerThanTheReadBufferAreReadWhole() {
        String big = "x".repeat(200_000);
        Path file = Fixtures.write(dir, "big.csv", "a,b\n1," + big + "\n\"" + big + "\",2\n");
        List<SourceRow> rows = Fixtures.readAll(file);
        assertEquals(big, rows.get(0).value("b"));
        assertEquals(big, rows.get(1).value("a"));
        assertEquals(3, rows.get(1).line());
    }

    @Test
    void headerNamesAreTrimmedAndABlankNameGetsAPositionalName() {
        Path file = Fixtures.write(dir, "h.csv", ",a , b\n0,1,2\n");
        try (SourceReader reader = SourceReaders.open(file, SourceOptions.DETECT)) {
            assertEquals(List.of("column_1", "a", "b"), reader.header().names());
            assertTrue(reader.notes().get(0).contains("column 1 has no name"), reader.notes().toString());
        }
    }

    @Test
    void progressCountsBytesUpToTheFileSize() {
        Path file = Fixtures.path("claims_like.csv");
        try (SourceReader reader = SourceReaders.open(file, SourceOptions.DETECT)) {
            while (reader.next() != null) {
                assertTrue(reader.bytesRead() <= reader.totalBytes());
            }
            assertEquals(reader.totalBytes(), reader.bytesRead());
        }
    }
}
