package org.featureworkbench.offline;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.featureworkbench.model.FeatureType;

/**
 * Writes the rows of an {@link HourBuffer} straight to Parquet's record consumer, producing the
 * file parquet-avro's {@code AvroWriteSupport} would for {@link OfflineSchema}: the same Parquet
 * schema (converted from the same Avro schema by the same converter) and the same footer metadata
 * (the Avro schema, the writer model). It skips the per-row Avro record, and Strings go from the
 * buffer's UTF-8 bytes to the file without becoming Java strings again. One instance per file;
 * not thread-safe.
 */
final class BufferedRowWriteSupport extends WriteSupport<BufferedRowWriteSupport.Cursor> {
    /** Footer keys parquet-avro writes; readers such as Spark use the first to restore Avro types. */
    static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
    static final String WRITER_MODEL_KEY = "writer.model.name";

    /** A read position in a buffer; each {@code write} consumes one row. */
    static final class Cursor {
        final byte[] bytes;
        int position;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    private final String[] names;
    private final FeatureType[] types;
    private final MessageType parquetSchema;
    private final String avroSchemaJson;
    private final long apiInvocationMicros;
    private final long writeMicros;
    private RecordConsumer consumer;

    BufferedRowWriteSupport(OfflineSchema schema, MessageType parquetSchema, long apiInvocationMicros,
                            long writeMicros) {
        this.names = schema.featureNames();
        this.types = schema.featureTypes();
        this.parquetSchema = parquetSchema;
        this.avroSchemaJson = schema.avro().toString();
        this.apiInvocationMicros = apiInvocationMicros;
        this.writeMicros = writeMicros;
    }

    /** The Parquet schema parquet-avro derives from the group's Avro schema. */
    static MessageType parquetSchema(Schema avro) {
        return new AvroSchemaConverter(new PlainParquetConfiguration()).convert(avro);
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return context();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return context();
    }

    private WriteContext context() {
        return new WriteContext(parquetSchema, Map.of(AVRO_SCHEMA_KEY, avroSchemaJson, WRITER_MODEL_KEY, "avro"));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Cursor c) {
        byte[] b = c.bytes;
        int p = c.position;
        consumer.startMessage();
        for (int i = 0; i < names.length; i++) {
            if (b[p++] == 0) {
                continue; // an optional field with no value is simply absent
            }
            consumer.startField(names[i], i);
            switch (types[i]) {
                case INTEGRAL -> {
                    consumer.addLong(fixed(b, p));
                    p += 8;
                }
                case FRACTIONAL -> {
                    consumer.addDouble(Double.longBitsToDouble(fixed(b, p)));
                    p += 8;
                }
                case STRING -> {
                    int length = 0;
                    int shift = 0;
                    byte next;
                    do {
                        next = b[p++];
                        length |= (next & 0x7F) << shift;
                        shift += 7;
                    } while (next < 0);
                    // The buffer outlives the writer, so Parquet may keep referring to these bytes.
                    consumer.addBinary(Binary.fromConstantByteArray(b, p, length));
                    p += length;
                }
            }
            consumer.endField(names[i], i);
        }
        c.position = p;
        int n = names.length;
        field(OfflineSchema.API_INVOCATION_TIME, n, apiInvocationMicros);
        field(OfflineSchema.WRITE_TIME, n + 1, writeMicros);
        consumer.startField(OfflineSchema.IS_DELETED, n + 2);
        consumer.addBoolean(false);
        consumer.endField(OfflineSchema.IS_DELETED, n + 2);
        consumer.endMessage();
    }

    private void field(String name, int index, long value) {
        consumer.startField(name, index);
        consumer.addLong(value);
        consumer.endField(name, index);
    }

    private static long fixed(byte[] b, int p) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (b[p + k] & 0xFFL);
        }
        return v;
    }
}
