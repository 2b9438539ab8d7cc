package org.featureworkbench.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.TypedRecord;

/**
 * The raw engine for the flush comparison: one parquet-avro writer writing already-typed rows to
 * one file with the store's column types and codec (SNAPPY), then an fsync, as the store's flush
 * also syncs what it publishes.
 */
final class RawParquetWriter {
    private final List<String> names;
    private final Schema schema;

    RawParquetWriter(FeatureGroup group) {
        this.names = group.features().stream().map(FeatureDefinition::name).toList();
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("OfflineRecord").fields();
        for (FeatureDefinition f : group.features()) {
            String name = f.name().replace('-', '_');
            fields = switch (f.type()) {
                case INTEGRAL -> fields.optionalLong(name);
                case FRACTIONAL -> fields.optionalDouble(name);
                case STRING -> fields.optionalString(name);
            };
        }
        Schema timestamp = new Schema.Parser().parse("{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}");
        this.schema = fields.name("api_invocation_time").type(timestamp).noDefault()
                .name("write_time").type(timestamp).noDefault()
                .requiredBoolean("is_deleted").endRecord();
    }

    /** Writes and syncs the rows; returns the elapsed nanoseconds. */
    long write(List<TypedRecord> rows, Instant invokedAt, Path file) throws IOException {
        long start = System.nanoTime();
        long invokedMicros = micros(invokedAt);
        long writeMicros = micros(Instant.now());
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema).withDataModel(GenericData.get()).withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (TypedRecord row : rows) {
                GenericData.Record record = new GenericData.Record(schema);
                for (int c = 0; c < names.size(); c++) {
                    record.put(c, row.value(names.get(c)));
                }
                record.put(names.size(), invokedMicros);
                record.put(names.size() + 1, writeMicros);
                record.put(names.size() + 2, false);
                writer.write(record);
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return System.nanoTime() - start;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
    }
}
