package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDialectDetectorTest {
    @TempDir
    Path dir;

    @Test
    void semicolonDelimiterIsDetectedAndReads() {
        DetectedDialect detected = CsvDialectDetector.detect(Fixtures.path("semicolon.csv"), CsvOptions.DETECT);
        assertEquals(';', detected.dialect().delimiter());
        assertTrue(detected.notes().contains("delimiter ';' detected"), detected.notes().toString());
        List<SourceRow> rows = Fixtures.readAll(Fixtures.path("semicolon.csv"));
        assertEquals("Lyon, France", rows.get(0).value("city"));
        assertEquals("Paris; Ile-de-France", rows.get(1).value("city"));
        assertEquals(3, rows.size());
    }

    @Test
    void tabAndPipeDelimitersAreDetected() {
        Path tsv = Fixtures.write(dir, "t.tsv", "a\tb\tc\n1\t2,5\t3\n4\t5\t6\n");
        Path pipe = Fixtures.write(dir, "p.txt", "a|b|c\n1|2|3\n");
        assertEquals('\t', CsvDialectDetector.detect(tsv, CsvOptions.DETECT).dialect().delimiter());
        assertEquals('|', CsvDialectDetector.detect(pipe, CsvOptions.DETECT).dialect().delimiter());
    }

    @Test
    void aDelimiterOverrideWinsOverDetection() {
        Path file = Fixtures.write(dir, "o.csv", "a;b,c\n1;2,3\n");
        CsvDialect dialect = CsvDialectDetector.detect(file, CsvOptions.DETECT.withDelimiter(',')).dialect();
        assertEquals(',', dialect.delimiter());
    }

    @Test
    void singleQuotesAreDetectedWhenTheFileNeverUsesDoubleQuotes() {
        Path file = Fixtures.write(dir, "s.csv", "a,b\n'x, y',1\n'z',2\n");
        assertEquals('\'', CsvDialectDetector.detect(file, CsvOptions.DETECT).dialect().quote());
        assertEquals("x, y", Fixtures.readAll(file).get(0).value("a"));
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() throws IOException {
        Path file = dir.resolve("u16.csv");
        byte[] text = "name,city\nZoë,Köln\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[text.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(text, 0, all, 2, text.length);
        Files.write(file, all);
        DetectedDialect detected = CsvDialectDetector.detect(file, CsvOptions.DETECT);
        assertEquals(StandardCharsets.UTF_16LE, detected.dialect().charset());
        SourceRow row = Fixtures.readAll(file).get(0);
        assertEquals("Zoë", row.value("name"));
        assertEquals("Köln", row.value("city"));
    }

    @Test
    void headerRowMismatchIsNotedAtDetection() {
        DetectedDialect detected = CsvDialectDetector.detect(Fixtures.path("car_data_ragged.csv"), CsvOptions.DETECT);
        assertEquals(',', detected.dialect().delimiter());
        assertTrue(detected.notes().get(0).contains("the header has 7 names but 3 of the first 3 rows have a different"
                + " number of fields (mostly 8)"), detected.notes().toString());
    }

    @Test
    void nulBytesWithoutByteOrderMarkAreRefusedAsBinaryOrUtf16() throws IOException {
        Path file = dir.resolve("bin.csv");
        Files.write(file, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_16LE));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.featureworkbench.model.FeatureStoreException.class,
                () -> CsvDialectDetector.detect(file, CsvOptions.DETECT));
        assertTrue(e.getMessage().contains("UTF-16 without a byte-order mark"), e.getMessage());
    }
}
