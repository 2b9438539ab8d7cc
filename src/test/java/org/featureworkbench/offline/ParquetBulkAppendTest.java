package org.featureworkbench.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming bulk append of batch ingest: file counts, atomicity, and files identical in shape to append's. */
class ParquetBulkAppendTest {
    @TempDir
    Path root;

    /** The rows of {@link OfflineTestGroups#rows} as value arrays in the group's feature order. */
    private static List<Object[]> arrays(FeatureGroup group, List<OfflineRow> rows) {
        List<Object[]> out = new ArrayList<>();
        for (OfflineRow r : rows) {
            out.add(group.features().stream().map(f -> r.value(f.name())).toArray());
        }
        return out;
    }

    private static void addAll(OfflineBulkAppend bulk, FeatureGroup group, List<OfflineRow> rows) {
        List<Object[]> values = arrays(group, rows);
        for (int i = 0; i < rows.size(); i++) {
            bulk.add(values.get(i), rows.get(i).eventTime().toEpochMilli());
        }
    }

    private static List<Path> files(Path dir, boolean hidden) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> hidden ? OfflineLayout.isTemporary(p.getFileName().toString()) : OfflineLayout.isPublished(p))
                    .toList();
        }
    }

    @Test
    void manyBlocksMakeOneFilePerHourAndEveryRowIsPublished() throws IOException {
        ParquetOfflineStore store = new ParquetOfflineStore(root);
        FeatureGroup group = OfflineTestGroups.customers(FeatureType.STRING);
        List<OfflineRow> rows = OfflineTestGroups.rows(group, "c", 20_000, 5); // ~5 blocks, 5 hours, 2 threads
        AppendResult result;
        try (OfflineBulkAppend bulk = store.openBulkAppend(group, OfflineTestGroups.API_TIME, 2, 64L << 20)) {
            addAll(bulk, group, rows);
            assertEquals(List.of(), files(root, false), "nothing is visible before the publish");
            result = bulk.publish();
        }
        assertEquals(20_000, result.rows());
        assertEquals(5, result.files().size());
        assertEquals(5, files(root, false).size());
        assertEquals(List.of(), files(root, true), "no temporary file is left");
        assertEquals(20_000, store.stats(group).rows());
    }

    @Test
    void aSmallBudgetSpillsEarlierFilesButLosesNoRow() throws IOException {
        ParquetOfflineStore store = new ParquetOfflineStore(root);
        FeatureGroup group = OfflineTestGroups.customers(FeatureType.STRING);
        try (OfflineBulkAppend bulk = store.openBulkAppend(group, OfflineTestGroups.API_TIME, 1, 64 * 1024)) {
            addAll(bulk, group, OfflineTestGroups.rows(group, "c", 20_000, 3));
            assertEquals(20_000, bulk.publish().rows());
        }
        assertTrue(files(root, false).size() > 3, "spilled hours start new files");
        assertEquals(20_000, store.stats(group).rows());
    }

    @Test
    void anHourBiggerThanHalfTheBudgetIsWrittenInSeveralFilesWithEveryRow() throws IOException, SQLException {
        ParquetOfflineStore store = new ParquetOfflineStore(root);
        FeatureGroup group = OfflineTestGroups.customers(FeatureType.STRING);
        List<OfflineRow> rows = OfflineTestGroups.rows(group, "c", 20_000, 1); // one hour, ~1 MB buffered
        try (OfflineBulkAppend bulk = store.openBulkAppend(group, OfflineTestGroups.API_TIME, 1, 256 * 1024)) {
            addAll(bulk, group, rows);
            assertEquals(20_000, bulk.publish().rows());
        }
        List<Path> published = files(root, false);
        assertTrue(published.size() >= 6, "the hour was written at half the budget (128 kB): " + published.size() + " files");
        assertEquals(1, published.stream().map(Path::getParent).distinct().count(), "all in the hour's partition");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            assertEquals(20_000, count(s, "SELECT DISTINCT customer_id FROM read_parquet('"
                    + root.toString().replace("'", "''") + "/**/*.parquet')"));
        }
    }

    @Test
    void closingWithoutPublishLeavesNothingVisibleOrBehind() throws IOException {
        ParquetOfflineStore store = new ParquetOfflineStore(root);
        FeatureGroup group = OfflineTestGroups.customers(FeatureType.STRING);
        try (OfflineBulkAppend bulk = store.openBulkAppend(group, OfflineTestGroups.API_TIME, 1, 64 * 1024)) {
            addAll(bulk, group, OfflineTestGroups.rows(group, "a", 5_000, 2));
            bulk.publish();
            addAll(bulk, group, OfflineTestGroups.rows(group, "b", 20_000, 3)); // spills files, never published
        }
        assertEquals(5_000, store.stats(group).rows(), "only the published checkpoint");
        assertEquals(List.of(), files(root, true));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAtOnceAndLeavesTheRowsBeforeItIntact() throws IOException {
        ParquetOfflineStore store = new ParquetOfflineStore(root);
        FeatureGroup group = OfflineTestGroups.customers(FeatureType.STRING);
        try (OfflineBulkAppend bulk = store.openBulkAppend(group, OfflineTestGroups.API_TIME, 1, 64L << 20)) {
            addAll(bulk, group, OfflineTestGroups.rows(group, "a", 100, 2));
            Object[] bad = arrays(group, OfflineTestGroups.rows(group, "x", 1, 1)).get(0);
            bad[1] = "not a number"; // age is Integral
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> bulk.add(bad, Instant.parse("2024-03-01T00:00:00Z").toEpochMilli()));
            assertTrue(refused.getMessage().contains("age") && refused.getMessage().contains("Integral"),
                    refused.getMessage());
            assertEquals(100, bulk.pendingRows(), "the refused row is not counted");
            assertEquals(List.of(), files(root, false), "nothing is visible before the publish");
            assertEquals(100, bulk.publish().rows());
        }
        assertEquals(100, store.stats(group).rows(), "no half-written row corrupts the file");
        assertEquals(List.of(), files(root, true));
    }

    @Test
    void closingAfterARefusedValueLeavesNothingVisibleOrBehind() throws IOException {
        ParquetOfflineStore store = new ParquetOfflineStore(root);
        FeatureGroup group = OfflineTestGroups.customers(FeatureType.STRING);
        try (OfflineBulkAppend bulk = store.openBulkAppend(group, OfflineTestGroups.API_TIME, 1, 64L << 20)) {
            addAll(bulk, group, OfflineTestGroups.rows(group, "a", 100, 2));
            Object[] bad = arrays(group, OfflineTestGroups.rows(group, "x", 1, 1)).get(0);
            bad[1] = 1.5; // a Double for the Integral age
            assertThrows(ValidationException.class, () -> bulk.add(bad, 0L));
        }
        assertEquals(List.of(), files(root, false));
        assertEquals(List.of(), files(root, true));
    }

    @Test
    void filesHaveAppendsSchemaFooterAndValues() throws IOException, SQLException {
        ParquetOfflineStore store = new ParquetOfflineStore(root);
        FeatureGroup viaAppend = OfflineTestGroups.group("appended", OfflineTestGroups.CREATED, FeatureType.FRACTIONAL, List.of());
        FeatureGroup viaBulk = OfflineTestGroups.group("bulk", OfflineTestGroups.CREATED, FeatureType.FRACTIONAL, List.of());
        List<OfflineRow> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            java.util.HashMap<String, Object> v = new java.util.HashMap<>();
            v.put("customer_id", "c" + i);
            v.put("age", i % 3 == 0 ? null : (long) i - 25);
            v.put("score", i % 4 == 0 ? null : i * 1.5);
            v.put("city", i % 5 == 0 ? null : i % 5 == 1 ? "" : "São Paulo " + i);
            v.put("order-count", Long.MAX_VALUE - i);
            v.put("EventTime", 1_709_251_200.0 + i * 61.5);
            rows.add(OfflineRow.of(viaAppend.definition(), v, OfflineTestGroups.API_TIME));
        }
        Path appended = store.append(viaAppend, rows).files().get(0);
        Path bulkFile;
        try (OfflineBulkAppend bulk = store.openBulkAppend(viaBulk, OfflineTestGroups.API_TIME)) {
            addAll(bulk, viaBulk, rows);
            bulkFile = bulk.publish().files().get(0);
        }
        FileMetaData a = footer(appended);
        FileMetaData b = footer(bulkFile);
        assertEquals(a.getSchema(), b.getSchema());
        assertEquals(a.getKeyValueMetaData(), b.getKeyValueMetaData());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            assertEquals(describe(s, appended), describe(s, bulkFile));
            assertEquals(0, count(s, "SELECT * EXCLUDE (write_time) FROM read_parquet('" + appended + "') EXCEPT ALL "
                    + "SELECT * EXCLUDE (write_time) FROM read_parquet('" + bulkFile + "')"));
            assertEquals(50, count(s, "SELECT * FROM read_parquet('" + bulkFile + "')"));
        }
    }

    @Test
    void nearUniqueColumnsOfABigHourAreWrittenWithoutADictionaryAndReadBackAlike() throws IOException, SQLException {
        ParquetOfflineStore store = new ParquetOfflineStore(root);
        FeatureGroup viaAppend = OfflineTestGroups.group("appended", OfflineTestGroups.CREATED, FeatureType.FRACTIONAL, List.of());
        FeatureGroup viaBulk = OfflineTestGroups.group("bulk", OfflineTestGroups.CREATED, FeatureType.FRACTIONAL, List.of());
        List<OfflineRow> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) { // one hour: 300 rows 10 s apart
            java.util.HashMap<String, Object> v = new java.util.HashMap<>();
            v.put("customer_id", "c" + i);
            v.put("age", i % 7 == 0 ? null : (long) (i % 5));
            v.put("score", i * 1.25);
            v.put("city", i % 3 == 0 ? "São Paulo" : "Lyon");
            v.put("order-count", Long.MAX_VALUE - i);
            v.put("EventTime", 1_709_251_200.0 + i * 10);
            rows.add(OfflineRow.of(viaAppend.definition(), v, OfflineTestGroups.API_TIME));
        }
        Path appended = store.append(viaAppend, rows).files().get(0);
        Path bulkFile;
        try (OfflineBulkAppend bulk = store.openBulkAppend(viaBulk, OfflineTestGroups.API_TIME)) {
            addAll(bulk, viaBulk, rows);
            AppendResult result = bulk.publish();
            assertEquals(1, result.files().size());
            bulkFile = result.files().get(0);
        }
        // Both write paths (bulk: ingest; append: the journal flush and compaction) apply the rule.
        for (Path file : List.of(bulkFile, appended)) {
            Map<String, Boolean> dictionary = dictionaryPages(file);
            assertEquals(false, dictionary.get("customer_id"), file.toString());
            assertEquals(false, dictionary.get("order-count"), file.toString());
            assertEquals(true, dictionary.get("age"), file.toString());
            assertEquals(true, dictionary.get("city"), file.toString());
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            assertEquals(0, count(s, "SELECT * EXCLUDE (write_time) FROM read_parquet('" + appended + "') EXCEPT ALL "
                    + "SELECT * EXCLUDE (write_time) FROM read_parquet('" + bulkFile + "')"));
            assertEquals(300, count(s, "SELECT * FROM read_parquet('" + bulkFile + "')"));
        }
    }

    private static Map<String, Boolean> dictionaryPages(Path file) throws IOException {
        Map<String, Boolean> dictionary = new java.util.HashMap<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            r.getFooter().getBlocks().get(0).getColumns().forEach(c -> dictionary.put(c.getPath().toDotString(),
                    c.hasDictionaryPage()));
        }
        return dictionary;
    }

    private static FileMetaData footer(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            return r.getFooter().getFileMetaData();
        }
    }

    private static Map<String, String> describe(Statement s, Path file) throws SQLException {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
            }
        }
        return types;
    }

    private static long count(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + query + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
