package org.featureworkbench.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hand-written page encoding of hour files ({@link HourRowGroupEncoder}, {@link HourColumnChunk})
 * against parquet-avro's own writer (the append path) on the cases a simple file does not reach:
 * several pages, mixed nulls, extreme values, a dictionary that overflows, other codecs. Both
 * DuckDB and parquet-java must read back exactly the rows appended.
 */
class HourRowGroupEncoderTest {
    private static final long HOUR_START_SECONDS = 1_709_251_200L; // 2024-03-01T00:00:00Z

    @TempDir
    Path root;
    private Path appended;

    @Test
    void severalPagesMixedNullsAndExtremeValuesReadBackAsParquetAvroWritesThem() throws IOException, SQLException {
        List<OfflineRow> rows = new ArrayList<>();
        FeatureGroup template = group("template");
        int count = HourRowGroupEncoder.PAGE_ROWS * 2 + 1_234; // three pages
        for (int i = 0; i < count; i++) {
            Map<String, Object> v = new HashMap<>();
            v.put("customer_id", "c" + i);
            v.put("age", i % 7 == 3 ? null : i % 11 == 0 ? Long.MIN_VALUE + i : i % 13 == 0 ? Long.MAX_VALUE - i : (long) (i % 90) - 45);
            v.put("score", i % 5 == 0 ? null : i % 17 == 0 ? -0.0 : i % 19 == 0 ? Double.NEGATIVE_INFINITY : i * -0.37);
            v.put("city", i % 3 == 0 ? null : i % 29 == 0 ? "" : i % 2 == 0 ? "São Paulo" : "Lyon");
            v.put("order-count", i % 2 == 0 ? null : (long) i);
            v.put("EventTime", (double) HOUR_START_SECONDS + (i % 3600));
            v.put("note", i == 777 ? "x".repeat(200_000) : i % 4 == 0 ? null : "n" + (i % 50) + "→");
            rows.add(OfflineRow.of(template.definition(), v, OfflineTestGroups.API_TIME));
        }
        Path bulk = writeBoth(rows, CompressionCodecName.SNAPPY);
        assertEquals(count, readWithParquetJava(bulk), "parquet-java reads every row");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            // Statistics are the true bounds: a filter on them must not skip a matching row.
            assertEquals(count(s, "SELECT * FROM read_parquet('" + appended() + "') WHERE age = " + (Long.MIN_VALUE + 11)),
                    count(s, "SELECT * FROM read_parquet('" + bulk + "') WHERE age = " + (Long.MIN_VALUE + 11)));
            assertEquals(1, count(s, "SELECT * FROM read_parquet('" + bulk + "') WHERE length(note) = 200000"));
            ResultSet bounds = s.executeQuery("SELECT min(stats_min_value), max(stats_max_value) FROM parquet_metadata('"
                    + bulk + "') WHERE path_in_schema = 'age'");
            assertTrue(bounds.next());
            assertEquals(Long.toString(Long.MIN_VALUE), bounds.getString(1));
            assertEquals(Long.toString(Long.MAX_VALUE - 13), bounds.getString(2));
        }
        assertEquals(3, dataPages(bulk, "customer_id"));
    }

    @Test
    void longRunsOfValuesAndOfNullsReadBackAsParquetAvroWritesThem() throws IOException, SQLException {
        // RLE runs (a value or a null repeated 8+ times) between bit-packed groups: RleHybridEncoder's cases.
        List<OfflineRow> rows = new ArrayList<>();
        FeatureGroup template = group("template");
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> v = new HashMap<>();
            v.put("customer_id", "c" + i);
            v.put("age", (long) (i / 37));
            v.put("score", i % 97 < 60 ? null : (double) (i / 9));
            v.put("city", (i / 100) % 3 == 0 ? null : "city-" + (i / 300));
            v.put("order-count", i % 9 < 5 ? 7L : (long) i % 3);
            v.put("EventTime", (double) HOUR_START_SECONDS + (i % 3600));
            v.put("note", "same");
            rows.add(OfflineRow.of(template.definition(), v, OfflineTestGroups.API_TIME));
        }
        Path bulk = writeBoth(rows, CompressionCodecName.SNAPPY);
        assertEquals(rows.size(), readWithParquetJava(bulk));
        assertTrue(encodings(bulk, "city").contains(Encoding.PLAIN_DICTIONARY));
        // The constant columns: a one-entry dictionary, as parquet-java keeps for them.
        assertTrue(encodings(bulk, "api_invocation_time").contains(Encoding.PLAIN_DICTIONARY));
        assertTrue(encodings(bulk, "write_time").contains(Encoding.PLAIN_DICTIONARY));
        assertEquals(encodings(appended(), "api_invocation_time"), encodings(bulk, "api_invocation_time"),
                "the same encodings as parquet-avro writes");
    }

    @Test
    void aDictionaryThatOutgrowsItsLimitLeavesLaterPagesPlain() throws IOException, SQLException {
        FeatureGroup template = group("template");
        List<OfflineRow> rows = new ArrayList<>();
        int count = HourRowGroupEncoder.PAGE_ROWS * 3;
        for (int i = 0; i < count; i++) {
            Map<String, Object> v = new HashMap<>();
            v.put("customer_id", "c" + i);
            v.put("EventTime", (double) HOUR_START_SECONDS + 1);
            // Repeats in the sample and the first page, then ~60 distinct bytes a row: > 1 MB of dictionary.
            v.put("note", i < HourRowGroupEncoder.PAGE_ROWS ? "same" : "distinct-" + i + "-" + "y".repeat(50));
            rows.add(OfflineRow.of(template.definition(), v, OfflineTestGroups.API_TIME));
        }
        Path bulk = writeBoth(rows, CompressionCodecName.SNAPPY);
        Set<Encoding> encodings = encodings(bulk, "note");
        assertTrue(encodings.contains(Encoding.PLAIN_DICTIONARY), encodings.toString());
        assertTrue(encodings.contains(Encoding.PLAIN), encodings.toString());
        assertEquals(count, readWithParquetJava(bulk));
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP"})
    void everyCodecOfTheStoreWritesFilesBothReadersRead(CompressionCodecName codec) throws IOException, SQLException {
        FeatureGroup template = group("template");
        List<OfflineRow> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<String, Object> v = new HashMap<>();
            v.put("customer_id", "c" + (i % 40));
            v.put("age", (long) i);
            v.put("EventTime", (double) HOUR_START_SECONDS + i);
            rows.add(OfflineRow.of(template.definition(), v, OfflineTestGroups.API_TIME));
        }
        Path bulk = writeBoth(rows, codec);
        assertEquals(500, readWithParquetJava(bulk));
        try (ParquetFileReader r = open(bulk)) {
            assertEquals(codec, r.getFooter().getBlocks().get(0).getColumns().get(0).getCodec());
        }
    }

    /** The same rows through parquet-avro (append) and through the bulk path; asserts DuckDB reads both alike. */
    private Path writeBoth(List<OfflineRow> rows, CompressionCodecName codec) throws IOException, SQLException {
        ParquetOfflineStore store = new ParquetOfflineStore(root, codec);
        FeatureGroup viaAppend = group("appended");
        FeatureGroup viaBulk = group("bulk");
        List<Path> appendedFiles = store.append(viaAppend, rows).files();
        assertEquals(1, appendedFiles.size());
        appended = appendedFiles.get(0);
        Path bulkFile;
        try (OfflineBulkAppend bulk = store.openBulkAppend(viaBulk, OfflineTestGroups.API_TIME)) {
            for (OfflineRow row : rows) {
                bulk.add(viaBulk.features().stream().map(f -> row.value(f.name())).toArray(),
                        row.eventTime().toEpochMilli());
            }
            List<Path> files = bulk.publish().files();
            assertEquals(1, files.size(), "one hour, one file");
            bulkFile = files.get(0);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String a = "SELECT * EXCLUDE (write_time) FROM read_parquet('" + appended() + "')";
            String b = "SELECT * EXCLUDE (write_time) FROM read_parquet('" + bulkFile + "')";
            assertEquals(0, count(s, a + " EXCEPT ALL " + b));
            assertEquals(0, count(s, b + " EXCEPT ALL " + a));
            assertEquals(rows.size(), count(s, b));
            assertEquals(1, count(s, "SELECT DISTINCT write_time FROM read_parquet('" + bulkFile
                    + "') WHERE write_time IS NOT NULL"), "one write time for the whole file");
        }
        return bulkFile;
    }

    private Path appended() {
        return appended;
    }

    private static FeatureGroup group(String name) {
        return OfflineTestGroups.group(name, OfflineTestGroups.CREATED, FeatureType.FRACTIONAL,
                List.of(new FeatureDefinition("note", FeatureType.STRING)));
    }

    /**
     * Reads both files with parquet-java's own record reader (parquet-avro cannot: it re-parses
     * the footer's Avro schema, and Avro rejects the name {@code order-count}); asserts the same
     * rows, in the same order, apart from write_time.
     */
    private long readWithParquetJava(Path file) throws IOException {
        List<String> bulk = rowsOf(file);
        assertEquals(rowsOf(appended), bulk);
        return bulk.size();
    }

    private static List<String> rowsOf(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (ParquetFileReader r = open(file)) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            for (PageReadStore pages = r.readNextRowGroup(); pages != null; pages = r.readNextRowGroup()) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = records.read();
                    StringBuilder row = new StringBuilder();
                    for (int f = 0; f < schema.getFieldCount(); f++) {
                        if (!schema.getFieldName(f).equals(OfflineSchema.WRITE_TIME)) {
                            row.append(g.getFieldRepetitionCount(f) == 0 ? "null" : g.getValueToString(f, 0)).append('|');
                        }
                    }
                    out.add(row.toString());
                }
            }
        }
        return out;
    }

    private static ParquetFileReader open(Path file) throws IOException {
        return ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
    }

    private static ColumnChunkMetaData column(ParquetFileReader r, String name) {
        return r.getFooter().getBlocks().get(0).getColumns().stream()
                .filter(c -> c.getPath().toDotString().equals(name)).findFirst().orElseThrow();
    }

    private static Set<Encoding> encodings(Path file, String column) throws IOException {
        try (ParquetFileReader r = open(file)) {
            return new HashSet<>(column(r, column).getEncodings());
        }
    }

    private static int dataPages(Path file, String column) throws IOException {
        try (ParquetFileReader r = open(file)) {
            return r.readOffsetIndex(column(r, column)).getPageCount();
        }
    }

    private static long count(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + query + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
