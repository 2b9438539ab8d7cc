package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.featureworkbench.model.FeatureStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files whose name (or --format) promises one thing and whose bytes are another: each is named
 * for what it is, with what to do, before a reader decodes it as the wrong thing.
 */
class MisnamedFilesTest {
    private static final String CSV = "customer_id,event_time,age\nc1,2024-01-01T00:00:00Z,30\n";

    @TempDir
    Path dir;

    @Test
    void gzipFileWithoutAGzNameIsCalledGzipNotAnEncodingProblem() throws IOException {
        for (String name : new String[] {"customers.csv", "customers.data"}) {
            Path file = dir.resolve(name);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }

            String message = failure(file, SourceOptions.DETECT);

            assertTrue(message.contains(name + " is gzip-compressed"), message);
            assertTrue(message.contains("gzip -dc " + name), message);
            assertFalse(message.contains("UTF-8") || message.contains("UTF-16"), message);
        }
    }

    @Test
    void parquetFileNamedCsvSaysToUseFormatParquetAndThatOptionReadsIt() throws IOException {
        Path file = writeParquet(dir.resolve("export.csv"));

        String byName = failure(file, SourceOptions.DETECT);
        String byOption = failure(file, SourceOptions.DETECT.withFormat(SourceFormat.CSV));

        assertTrue(byName.contains("export.csv is a Parquet file") && byName.contains("pass --format parquet"), byName);
        assertTrue(byOption.contains("--format csv was given; pass --format parquet instead"), byOption);
        assertEquals(2, Fixtures.readAll(file, SourceOptions.DETECT.withFormat(SourceFormat.PARQUET)).size());
    }

    @Test
    void textNamedParquetIsNotCalledALibraryObject() throws IOException {
        Path file = Fixtures.write(dir, "customers.parquet", CSV);

        String message = failure(file, SourceOptions.DETECT);

        assertTrue(message.contains("customers.parquet is not a Parquet file"), message);
        assertTrue(message.contains("pass --format csv or --format jsonl"), message);
        assertFalse(message.contains("LocalInputFile") || message.contains("@"), message);
    }

    @Test
    void parquetFileCutShortSaysSo() throws IOException {
        Path whole = writeParquet(dir.resolve("whole.parquet"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length / 2));

        String message = failure(cut, SourceOptions.DETECT);

        assertTrue(message.contains("cut.parquet is a Parquet file that is cut short"), message);
    }

    @Test
    void csvReadAsJsonLinesSaysItIsNotJsonLinesInsteadOfHavingNoColumns() {
        Path file = Fixtures.write(dir, "customers.csv", CSV);

        String message = failure(file, SourceOptions.DETECT.withFormat(SourceFormat.JSONL));

        assertTrue(message.contains("customers.csv is not JSON Lines"), message);
        assertTrue(message.contains("line 1 begins 'customer_id,event_time,age'"), message);
        assertTrue(message.contains("pass --format csv"), message);
    }

    @Test
    void jsonLinesWithSomeBadLinesStillReadsItsObjects() {
        Path file = Fixtures.write(dir, "events.jsonl", "not json\n{\"id\":\"a\"}\n");

        assertEquals(2, Fixtures.readAll(file).size(), "the bad line is a rejected row, not a file error");
    }

    private static String failure(Path file, SourceOptions options) {
        return assertThrows(FeatureStoreException.class, () -> Fixtures.readAll(file, options)).getMessage();
    }

    private static Path writeParquet(Path file) throws IOException {
        Schema schema = SchemaBuilder.record("customer").fields()
                .requiredString("customer_id").requiredString("event_time").optionalLong("age").endRecord();
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema).withConf(new PlainParquetConfiguration()).build()) {
            for (String id : new String[] {"c1", "c2"}) {
                GenericRecord r = new GenericData.Record(schema);
                r.put("customer_id", id);
                r.put("event_time", "2024-01-01T00:00:00Z");
                r.put("age", 30L);
                writer.write(r);
            }
        }
        return file;
    }
}
