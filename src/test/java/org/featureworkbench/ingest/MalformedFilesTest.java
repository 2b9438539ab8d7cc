package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each malformed file of issue 4 with the message a user gets. File-level problems throw; row-level ones reject. */
class MalformedFilesTest {
    private static final FeatureGroupDefinition CUSTOMERS = Definitions.customers("customers");

    @TempDir
    Path dir;

    private final CollectingRejects rejects = new CollectingRejects();
    private final List<MappedRow> accepted = new ArrayList<>();

    private IngestProgress ingest(Path file) {
        return CollectingRejects.ingest(file, IngestOptions.DEFAULTS, CUSTOMERS, rejects, accepted);
    }

    private String fileError(Path file) {
        return assertThrows(FeatureStoreException.class, () -> ingest(file)).getMessage();
    }

    @Test
    void emptyFileIsRefused() {
        String message = fileError(Fixtures.path("empty.csv"));
        assertTrue(message.endsWith("empty.csv is empty (0 bytes); a source file needs a header row naming the columns"
                + " and at least one row"), message);
    }

    @Test
    void fileWithOnlyABomAndBlankLinesHasNoHeader() throws IOException {
        Path file = dir.resolve("bom-only.csv");
        Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'});
        assertEquals("bom-only.csv has no header row (it holds only blank lines after its byte-order mark); the first"
                + " line must name the columns", fileError(file));
    }

    @Test
    void headerOnlyFileIsAValidSourceWithNoRows() {
        IngestProgress counts = ingest(Fixtures.path("header_only.csv"));
        assertEquals(0, counts.rowsRead());
        assertEquals(0, counts.rowsRejected());
    }

    @Test
    void raggedRowsAreRejectedNeverShifted() {
        IngestProgress counts = ingest(Fixtures.path("ragged.csv"));
        assertEquals(4, counts.rowsRead());
        assertEquals(2, counts.rowsAccepted());
        assertEquals("line 3 has 3 fields but the header has 4 names — values would shift; fix the header or the row",
                rejects.reasonAtLine(3));
        assertEquals("line 4 has 5 fields but the header has 4 names — values would shift; fix the header or the row",
                rejects.reasonAtLine(4));
        assertEquals("c3,2023-11-14T22:13:20Z,32,3.5,extra", rejects.rejections.get(1).originalText());
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpened() {
        assertEquals("unterminated_quote.csv:3: a quoted value opened on this line is never closed (the file ends inside"
                + " it); add the closing quote, and double every quote inside a quoted value (\"\" stands for \")",
                fileError(Fixtures.path("unterminated_quote.csv")));
    }

    @Test
    void invalidUtf8NamesTheLineAndTheBytes() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "customer_id,event_time,age,score\nc1,2023-11-14T22:13:20Z,30,1.5\nRen\u00e9,2023-11-14T22:13:20Z,31,2.5\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        String message = fileError(file);
        assertTrue(message.startsWith("latin1.csv:3: bytes 0xE9 (offset 67) are not valid UTF-8; the file is probably in"
                + " another encoding (e.g. windows-1252 / ISO-8859-1)"), message);
    }

    @Test
    void invalidUtf8FarIntoALargeFileStillNamesTheExactLine() throws IOException {
        StringBuilder text = new StringBuilder("customer_id,event_time,age,score\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("c").append(i).append(",2023-11-14T22:13:20Z,").append(i % 90).append(",1.5\n");
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "c\u00ff,2023-11-14T22:13:20Z,1,1.5\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("late.csv");
        Files.write(file, concat(good, bad));
        String message = fileError(file);
        assertTrue(message.startsWith("late.csv:20002: bytes 0xFF"), message);
        assertEquals(20_000, accepted.size(), "every row before the bad line was read");
    }

    @Test
    void choosingTheEncodingReadsALatin1File() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "customer_id,event_time,age,score\nRen\u00e9,2023-11-14T22:13:20Z,31,2.5\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        IngestOptions latin1 = IngestOptions.DEFAULTS.withSource(SourceOptions.DETECT.withCsv(
                CsvOptions.DETECT.withCharset(StandardCharsets.ISO_8859_1)));
        CollectingRejects.ingest(file, latin1, CUSTOMERS, rejects, accepted);
        assertEquals("Ren\u00e9", accepted.get(0).recordId());
    }

    @Test
    void duplicateHeaderNamesIgnoringCaseAreRefused() {
        assertEquals("duplicate_header.csv:1: the header names column 1 'customer_id' and column 4 'customer_ID' alike"
                + " (names are matched ignoring case); rename one of them", fileError(Fixtures.path("duplicate_header.csv")));
    }

    @Test
    void blankRecordIdIsRejected() {
        ingest(Fixtures.path("blank_record_id.csv"));
        assertEquals(1, accepted.size());
        assertEquals("line 3: customer_id (String): the record identifier is empty; every row needs one",
                rejects.reasonAtLine(3));
        assertEquals("line 4: customer_id (String): the record identifier is empty; every row needs one",
                rejects.reasonAtLine(4));
    }

    @Test
    void unparseableAndEmptyEventTimesAreRejected() {
        ingest(Fixtures.path("bad_event_time.csv"));
        assertEquals(1, accepted.size());
        assertEquals("line 3: event_time (String): event time '14/11/2023 22:13' is not a time the ingest understands;"
                + " use seconds since the epoch (1700000000.5), ISO-8601 UTC (2023-11-14T22:13:20Z), ISO-8601 with an"
                + " offset (2023-11-14T23:13:20+01:00) or 'yyyy-MM-dd HH:mm:ss[.SSS]' (read as UTC)",
                rejects.reasonAtLine(3));
        assertEquals("line 4: event_time (String): the event time is empty; every row needs one", rejects.reasonAtLine(4));
    }

    @Test
    void integralOverflowIsRejectedNamingTheValue() {
        ingest(Fixtures.path("integral_overflow.csv"));
        assertEquals(Long.MAX_VALUE, accepted.get(0).typedValue(2));
        assertEquals("line 3: age (Integral): '9223372036854775808' is outside the Integral range (64-bit:"
                + " -9223372036854775808 to 9223372036854775807); make the feature Fractional or String",
                rejects.reasonAtLine(3));
    }

    @Test
    void nanAndInfinityAreRejectedButAnEmptyScoreIsMissing() {
        ingest(Fixtures.path("nan.csv"));
        assertEquals("line 2: score (Fractional): 'NaN' is not stored: NaN and infinities break comparisons in queries"
                + " and deduplication; leave the cell empty for a missing value", rejects.reasonAtLine(2));
        assertTrue(rejects.reasonAtLine(3).contains("'-Infinity' is not stored"));
        assertEquals(1, accepted.size());
        assertEquals(null, accepted.get(0).typedValue(3));
    }

    @Test
    void aOneMegabyteCellRejectsItsRowNotTheFile() throws IOException {
        String huge = "x".repeat(1024 * 1024);
        Path file = Fixtures.write(dir, "huge.csv", "customer_id,event_time,age,score\n"
                + "c1,2023-11-14T22:13:20Z,30,\"" + huge + "\"\nc2,2023-11-14T22:13:20Z,31,2.5\n");
        IngestProgress counts = ingest(file);
        assertEquals(1, counts.rowsRejected());
        assertEquals("line 2: column 'score' holds 1,048,576 characters; SageMaker's limit for one value is 358,400 -"
                + " shorten it or keep it outside the feature store", rejects.reasonAtLine(2));
        assertEquals("c2", accepted.get(0).recordId());
    }

    @Test
    void semicolonDelimitedFileIsDetectedAndIngested() {
        Path file = Fixtures.write(dir, "semi.csv", "customer_id;event_time;age;score\nc1;2023-11-14 22:13:20;30;1.5\n");
        ingest(file);
        assertEquals("2023-11-14T22:13:20Z", accepted.get(0).textValue(1));
    }

    @Test
    void crlfFileIsIngested() {
        IngestProgress counts = ingest(Fixtures.path("crlf.csv"));
        assertEquals(2, counts.rowsAccepted());
        assertEquals(30L, accepted.get(0).typedValue(2));
    }

    @Test
    void missingFileIsRefusedWithItsAbsolutePath() {
        Path missing = dir.resolve("nope.csv");
        assertTrue(fileError(missing).startsWith("file not found: " + missing.toAbsolutePath() + "; check the path"));
    }

    @Test
    void directoryInsteadOfAFileIsRefused() {
        assertEquals(dir.toAbsolutePath() + " is a directory, not a file; pass one CSV, Parquet or JSON Lines file"
                + " inside it", fileError(dir));
    }

    @Test
    void compressedFileIsRefusedWithAHint() throws IOException {
        Path file = Files.write(dir.resolve("data.csv.gz"), new byte[] {31, -117, 8});
        assertTrue(fileError(file).contains("is compressed; decompress it first"));
    }

    @Test
    void fileWithoutTheRecordIdColumnIsRefusedBeforeReadingRows() {
        Path file = Fixtures.write(dir, "noid.csv", "id,event_time\n1,2023-11-14T22:13:20Z\n");
        assertEquals("the file has no column for the record identifier 'customer_id' (its columns: id, event_time);"
                + " rename a column to it or map one explicitly", fileError(file));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
