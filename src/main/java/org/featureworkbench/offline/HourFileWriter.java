package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one {@link HourBuffer} as a hidden temporary file in its hour partition, not yet synced:
 * the publish syncs all of an append's files together ({@link ParquetBulkAppend}). Thread-safe.
 */
final class HourFileWriter {
    /** A written file, not yet synced or published. */
    record Finished(Path temporary, Instant latestEvent, long rows) {
    }

    /**
     * Rows of an hour sampled to find its near-unique features, which are written without a
     * dictionary ({@link HourBuffer#nearUniqueFeatures}): the encoder would otherwise build one for
     * them and drop it after the first page as not worth it (parquet-java's rule, which
     * {@link HourColumnChunk} follows) — wasted work on ids, e-mails and random numbers.
     */
    static final int DICTIONARY_SAMPLE_ROWS = 256;

    /**
     * Initial size of parquet-java's compressor output buffer where it is still used: codecs other
     * than SNAPPY and UNCOMPRESSED ({@link PageCompressor}) and the append path's files
     * ({@code ParquetFiles}). parquet-java starts it at the page size, 1 MB: with -Xmx512m a
     * humongous G1 allocation per file, which caused full collections when hundreds of hour files
     * were written; an hour file's column chunk is usually tens of kB.
     */
    static final int COMPRESSOR_BUFFER_BYTES = 64 * 1024;

    static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
    static final String WRITER_MODEL_KEY = "writer.model.name";

    private final Path dataDirectory;
    private final OfflineSchema schema;
    private final MessageType parquetSchema;
    private final CompressionCodecName codec;
    private final long apiInvocationMicros;
    private final Map<String, String> footer;

    HourFileWriter(Path dataDirectory, OfflineSchema schema, CompressionCodecName codec, long apiInvocationMicros) {
        this.dataDirectory = dataDirectory;
        this.schema = schema;
        // The schema and footer parquet-avro's AvroWriteSupport writes for the same Avro schema:
        // readers such as Spark restore Avro types from the first key.
        this.parquetSchema = new AvroSchemaConverter(new PlainParquetConfiguration()).convert(schema.avro());
        this.footer = Map.of(AVRO_SCHEMA_KEY, schema.avro().toString(), WRITER_MODEL_KEY, "avro");
        this.codec = codec;
        this.apiInvocationMicros = apiInvocationMicros;
    }

    /**
     * Writes the file; {@code write_time} is now (when the rows reach the store). Neither the file
     * nor the partition's new folders are synced: the publish syncs them before and after the renames.
     */
    Finished write(long hour, HourBuffer buffer) throws IOException {
        Path directory = OfflineLayout.partitionPath(dataDirectory, hour);
        Files.createDirectories(directory);
        Path temporary = directory.resolve(OfflineLayout.tempFileName("bulk"));
        long writeMicros = OfflineSchema.micros(Instant.now());
        try {
            PageCompressor compressor = new PageCompressor(codec, COMPRESSOR_BUFFER_BYTES);
            ParquetFileWriter out = new ParquetFileWriter(new LocalOutputFile(temporary), parquetSchema,
                    ParquetFileWriter.Mode.CREATE, ParquetWriter.DEFAULT_BLOCK_SIZE, 0,
                    ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH,
                    ParquetProperties.DEFAULT_STATISTICS_TRUNCATE_LENGTH,
                    ParquetProperties.DEFAULT_PAGE_WRITE_CHECKSUM_ENABLED);
            try {
                byte[] rows = buffer.toArray();
                boolean[] nearUnique = HourBuffer.nearUniqueFeatures(rows, buffer.rows(), schema.featureTypes(),
                        DICTIONARY_SAMPLE_ROWS);
                boolean[] dictionaryCandidates = new boolean[nearUnique.length];
                for (int i = 0; i < nearUnique.length; i++) {
                    dictionaryCandidates[i] = !nearUnique[i];
                }
                new HourRowGroupEncoder(parquetSchema, schema.featureTypes(), compressor)
                        .write(out, rows, buffer.rows(), dictionaryCandidates, apiInvocationMicros, writeMicros, footer);
            } catch (IOException | RuntimeException e) {
                closeQuietly(out);
                throw e;
            } finally {
                compressor.close();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new Finished(temporary, Instant.ofEpochMilli(buffer.latestEventMs()), buffer.rows());
    }

    private static void closeQuietly(ParquetFileWriter out) {
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            // The file is deleted next; its content does not matter.
        }
    }
}
