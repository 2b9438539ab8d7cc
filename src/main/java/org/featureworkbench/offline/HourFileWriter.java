package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/** Writes one {@link HourBuffer} as a hidden, synced temporary file in its hour partition. Thread-safe. */
final class HourFileWriter {
    /** A written and synced file, not yet published. */
    record Finished(Path temporary, Instant latestEvent, long rows) {
    }

    /**
     * Rows of an hour sampled to find its near-unique features, which are written without a
     * dictionary ({@link HourBuffer#nearUniqueFeatures}): parquet-java would build one for them and
     * drop it at the end of the page as not worth it, which took about a third of the encoding time
     * of {@code bench ingest} (ids, e-mails, random numbers).
     */
    static final int DICTIONARY_SAMPLE_ROWS = 256;

    /**
     * Initial size of the compressor's output buffer (it grows when a page needs more). parquet-java
     * starts it at the page size, 1 MB: with -Xmx512m that is a humongous G1 allocation for every
     * file, 720 per {@code bench ingest} publish, which filled the heap in bursts and caused
     * full collections while the online store was written; an hour file's column chunk is usually
     * tens of kB.
     */
    static final int COMPRESSOR_BUFFER_BYTES = 64 * 1024;

    private final Path dataDirectory;
    private final OfflineSchema schema;
    private final MessageType parquetSchema;
    private final CompressionCodecName codec;
    private final long apiInvocationMicros;

    HourFileWriter(Path dataDirectory, OfflineSchema schema, CompressionCodecName codec, long apiInvocationMicros) {
        this.dataDirectory = dataDirectory;
        this.schema = schema;
        this.parquetSchema = BufferedRowWriteSupport.parquetSchema(schema.avro());
        this.codec = codec;
        this.apiInvocationMicros = apiInvocationMicros;
    }

    /**
     * Writes and fsyncs the file; {@code write_time} is now (when the rows reach the store). The
     * partition's folders are created without a sync: the publish syncs them with the renames.
     */
    Finished write(long hour, HourBuffer buffer) throws IOException {
        Path directory = OfflineLayout.partitionPath(dataDirectory, hour);
        Files.createDirectories(directory);
        Path temporary = directory.resolve(OfflineLayout.tempFileName("bulk"));
        long writeMicros = OfflineSchema.micros(Instant.now());
        try {
            Builder builder = new Builder(new LocalOutputFile(temporary),
                    new BufferedRowWriteSupport(schema, parquetSchema, apiInvocationMicros, writeMicros))
                    .withConf(new PlainParquetConfiguration())
                    .withCompressionCodec(codec)
                    // The writer releases the factory when it closes.
                    .withCodecFactory(new CodecFactory(new PlainParquetConfiguration(), COMPRESSOR_BUFFER_BYTES));
            boolean[] nearUnique = buffer.nearUniqueFeatures(DICTIONARY_SAMPLE_ROWS);
            String[] names = schema.featureNames();
            for (int i = 0; i < names.length; i++) {
                if (nearUnique[i]) {
                    builder = builder.withDictionaryEncoding(names[i], false);
                }
            }
            try (ParquetWriter<BufferedRowWriteSupport.Cursor> writer = builder.build()) {
                BufferedRowWriteSupport.Cursor cursor = new BufferedRowWriteSupport.Cursor(buffer.bytes());
                for (long r = 0; r < buffer.rows(); r++) {
                    writer.write(cursor);
                }
            }
            DurableFiles.sync(temporary);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new Finished(temporary, Instant.ofEpochMilli(buffer.latestEventMs()), buffer.rows());
    }

    /** A ParquetWriter builder for buffered rows. */
    private static final class Builder extends ParquetWriter.Builder<BufferedRowWriteSupport.Cursor, Builder> {
        private final WriteSupport<BufferedRowWriteSupport.Cursor> support;

        Builder(OutputFile file, WriteSupport<BufferedRowWriteSupport.Cursor> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<BufferedRowWriteSupport.Cursor> getWriteSupport(org.apache.hadoop.conf.Configuration c) {
            return support;
        }

        @Override
        protected WriteSupport<BufferedRowWriteSupport.Cursor> getWriteSupport(ParquetConfiguration c) {
            return support;
        }
    }
}
