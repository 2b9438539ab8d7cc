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
import org.featureworkbench.model.ValidationException;

/**
 * Writes a row given as an array of typed feature values (in the group's feature order) straight
 * to Parquet's record consumer, producing exactly the file parquet-avro's {@code AvroWriteSupport}
 * would for {@link OfflineSchema}: the same Parquet schema (converted from the same Avro schema by
 * the same converter) and the same footer metadata (the Avro schema, the writer model). It skips
 * the per-row Avro record and its schema lookups, which cost as much as the encoding itself at a
 * million rows. One instance per file writer; not thread-safe.
 */
final class RowArrayWriteSupport extends WriteSupport<Object[]> {
    /** Footer keys parquet-avro writes; readers such as Spark use the first to restore Avro types. */
    static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
    static final String WRITER_MODEL_KEY = "writer.model.name";

    private final String[] names;
    private final FeatureType[] types;
    private final MessageType parquetSchema;
    private final String avroSchemaJson;
    private final Stamps stamps;
    private RecordConsumer consumer;

    /** The bookkeeping values every row of a writer gets; set by the owner before each batch of rows. */
    static final class Stamps {
        final long apiInvocationMicros;
        long writeMicros;

        Stamps(long apiInvocationMicros, long writeMicros) {
            this.apiInvocationMicros = apiInvocationMicros;
            this.writeMicros = writeMicros;
        }
    }

    RowArrayWriteSupport(OfflineSchema schema, MessageType parquetSchema, Stamps stamps) {
        this.names = schema.featureNames();
        this.types = schema.featureTypes();
        this.parquetSchema = parquetSchema;
        this.avroSchemaJson = schema.avro().toString();
        this.stamps = stamps;
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
    public void write(Object[] row) {
        consumer.startMessage();
        for (int i = 0; i < names.length; i++) {
            Object value = row[i];
            if (value == null) {
                continue; // an optional field with no value is simply absent
            }
            consumer.startField(names[i], i);
            switch (types[i]) {
                case INTEGRAL -> consumer.addLong(cast(Long.class, value, i));
                case FRACTIONAL -> consumer.addDouble(cast(Double.class, value, i));
                case STRING -> consumer.addBinary(Binary.fromString(cast(String.class, value, i)));
            }
            consumer.endField(names[i], i);
        }
        int n = names.length;
        field(OfflineSchema.API_INVOCATION_TIME, n, stamps.apiInvocationMicros);
        field(OfflineSchema.WRITE_TIME, n + 1, stamps.writeMicros);
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

    /** The same type check as {@link OfflineSchema#toRecord}, so a mismatched value is a clear error. */
    private <T> T cast(Class<T> type, Object value, int i) {
        if (!type.isInstance(value)) {
            throw new ValidationException(names[i], "value '" + value + "' is a " + value.getClass().getSimpleName()
                    + ", but the feature is " + types[i].awsName());
        }
        return type.cast(value);
    }
}
