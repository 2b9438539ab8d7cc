package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetSourceReaderTest {
    @TempDir
    Path dir;

    private static final Schema TS_MILLIS = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));

    private Path writeCustomers() throws IOException {
        Schema schema = SchemaBuilder.record("customer").fields()
                .requiredString("customer_id")
                .name("event_time").type(TS_MILLIS).noDefault()
                .optionalLong("age")
                .optionalDouble("score")
                .optionalBoolean("vip")
                .endRecord();
        Path file = dir.resolve("customers.parquet");
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema).withConf(new PlainParquetConfiguration()).build()) {
            writer.write(record(schema, "c1", Instant.parse("2023-11-14T22:13:20.250Z"), 30L, 1.5, true));
            writer.write(record(schema, "c2", Instant.parse("2023-11-14T22:13:21Z"), null, null, null));
            writer.write(record(schema, "c3", Instant.parse("2023-11-14T22:13:22Z"), 33L, Double.NaN, false));
        }
        return file;
    }

    private static GenericRecord record(Schema schema, String id, Instant time, Long age, Double score, Boolean vip) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("customer_id", id);
        r.put("event_time", time.toEpochMilli());
        r.put("age", age);
        r.put("score", score);
        r.put("vip", vip);
        return r;
    }

    @Test
    void primitiveColumnsAreReadAsTextWithTimestampsInIsoUtc() throws IOException {
        Path file = writeCustomers();
        assertEquals(SourceFormat.PARQUET, SourceFormat.detect(file));
        List<SourceRow> rows = Fixtures.readAll(file);
        assertEquals(3, rows.size());
        SourceRow first = rows.get(0);
        assertEquals(1, first.line(), "a Parquet row's line is its row number");
        assertEquals("2023-11-14T22:13:20.250Z", first.value("event_time"));
        assertEquals("30", first.value("age"));
        assertEquals("1.5", first.value("score"));
        assertEquals("true", first.value("vip"));
        assertNull(rows.get(1).value("age"));
        assertEquals("{\"customer_id\":\"c1\",\"event_time\":\"2023-11-14T22:13:20.250Z\",\"age\":\"30\",\"score\":\"1.5\","
                + "\"vip\":\"true\"}", first.originalText());
    }

    @Test
    void parquetIngestRejectsNanAndKeepsTheRest() throws IOException {
        CollectingRejects rejects = new CollectingRejects();
        List<MappedRow> rows = new ArrayList<>();
        IngestProgress counts = CollectingRejects.ingest(writeCustomers(), IngestOptions.DEFAULTS,
                Definitions.customers("customers"), rejects, rows);
        assertEquals(2, counts.rowsAccepted());
        assertTrue(rejects.reasonAtLine(3).contains("'NaN' is not stored"), rejects.reasonAtLine(3));
        assertEquals("2023-11-14T22:13:20.250Z", rows.get(0).textValue(1));
        assertEquals(counts.totalBytes(), counts.bytesRead());
    }

    @Test
    void nestedColumnsRefuseTheFile() throws IOException {
        Schema address = SchemaBuilder.record("address").fields().requiredString("city").endRecord();
        Schema schema = SchemaBuilder.record("c").fields().requiredString("id").name("address").type(address).noDefault()
                .endRecord();
        Path file = dir.resolve("nested.parquet");
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema).withConf(new PlainParquetConfiguration()).build()) {
            GenericRecord a = new GenericData.Record(address);
            a.put("city", "Lyon");
            GenericRecord r = new GenericData.Record(schema);
            r.put("id", "1");
            r.put("address", a);
            writer.write(r);
        }
        var e = assertThrows(FeatureStoreException.class, () -> Fixtures.readAll(file));
        assertTrue(e.getMessage().startsWith("nested.parquet: column 'address' is nested"), e.getMessage());
    }

    @Test
    void aFileThatIsNotParquetSaysSo() {
        Path file = Fixtures.write(dir, "fake.parquet", "id,name\n1,a\n");
        var e = assertThrows(FeatureStoreException.class, () -> Fixtures.readAll(file));
        assertTrue(e.getMessage().startsWith("fake.parquet is not a Parquet file"), e.getMessage());
    }

    @Test
    void int96TimestampsBecomeInstants() {
        // 2023-11-14T22:13:20Z: Julian day 2460263, 80000 s into the day.
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(80_000L * 1_000_000_000L).putInt(2_460_263);
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), ParquetValues.int96(b.array()));
    }
}
