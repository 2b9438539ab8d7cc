package org.featureworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetBenchmarkCompareTest {
    private static final List<DatasetBenchmarkColumn> COLUMNS = List.of(
            DatasetBenchmarkColumn.of("id", DatasetBenchmarkColumn.Kind.INTEGER),
            DatasetBenchmarkColumn.of("t", DatasetBenchmarkColumn.Kind.ISO_TIME),
            DatasetBenchmarkColumn.of("et", DatasetBenchmarkColumn.Kind.EPOCH_TIME),
            DatasetBenchmarkColumn.of("x", DatasetBenchmarkColumn.Kind.DOUBLE),
            DatasetBenchmarkColumn.text("s", "a"));
    private static final String REFERENCE = "id,t,et,x,s\n"
            + "1,2024-01-01T00:00:37Z,1704067237.001,0.1,\"a, b\"\n"
            + "2,2024-01-01T00:00:38.5Z,,1234.56,\n"
            + "2,2024-01-01T00:00:38.5Z,,1234.56,\n";

    @TempDir
    Path dir;

    @Test
    void theSameRowsWrittenDifferentlyAreEqual() throws Exception {
        // pandas' 2.0 for an integer, another row order, a slightly different double, a timestamp for ISO text.
        Path other = write("other.csv", "id,t,et,x,s\n"
                + "2.0,2024-01-01 00:00:38.500+00,,1234.5600000000001,\n"
                + "1,2024-01-01T00:00:37Z,1704067237.001,0.1,\"a, b\"\n"
                + "2,2024-01-01T00:00:38.500Z,,1234.56,\n");
        DatasetBenchmarkCompare.Outcome o = compare(other);
        assertTrue(o.equal(), o.describe(3));
        assertEquals(3, o.rows());
    }

    @Test
    void aParquetCopyOfTheReferenceIsEqual() throws Exception {
        Path parquet = dir.resolve("ref.parquet");
        try (Connection c = QueryBenchmark.rawConnection(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + write("src.csv", REFERENCE) + "', header = true)) TO '"
                    + parquet + "' (FORMAT PARQUET)");
        }
        assertTrue(compare(parquet).equal());
    }

    @Test
    void aChangedValueAMissingDuplicateAndAFractionalIntegerAreDifferences() throws Exception {
        DatasetBenchmarkCompare.Outcome changed = compare(write("a.csv", REFERENCE.replace("0.1,", "0.11,")));
        assertEquals(1, changed.missing());
        assertEquals(1, changed.extra());
        assertFalse(changed.examples().isEmpty());

        DatasetBenchmarkCompare.Outcome lost = compare(write("b.csv", REFERENCE.substring(0,
                REFERENCE.lastIndexOf("2,2024"))));
        assertEquals(1, lost.missing());
        assertEquals(0, lost.extra());

        assertFalse(compare(write("c.csv", REFERENCE.replace("\n1,", "\n1.5,"))).equal());
        // A millisecond later is another instant, though it sorts before as text.
        assertFalse(compare(write("d.csv", REFERENCE.replace("00:00:37Z", "00:00:37.001Z"))).equal());
    }

    @Test
    void aMissingColumnIsReportedNotThrown() throws Exception {
        DatasetBenchmarkCompare.Outcome o = compare(write("e.csv", "id,t\n1,2024-01-01T00:00:37Z\n"));
        assertFalse(o.equal());
        assertNotNull(o.error());
    }

    private DatasetBenchmarkCompare.Outcome compare(Path other) throws SQLException, IOException {
        try (Connection c = QueryBenchmark.rawConnection()) {
            assertEquals(3, DatasetBenchmarkCompare.loadReference(c, write("reference.csv", REFERENCE), COLUMNS));
            return DatasetBenchmarkCompare.compare(c, "other", other, COLUMNS);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
