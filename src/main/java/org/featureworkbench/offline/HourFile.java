package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * One open, unpublished Parquet file of a bulk append: a hidden temporary file in its hour
 * partition's folder, the rows written so far and the latest event among them (which names the
 * published file). Not thread-safe; owned by one writer thread.
 */
final class HourFile {
    /** A finished (closed, not yet synced or published) file. */
    record Finished(Path temporary, Instant latestEvent, long rows) {
    }

    private final Path temporary;
    private final DeferredOutputFile output;
    private final ParquetWriter<Object[]> writer;
    private long rows;
    private long latestEventMs = Long.MIN_VALUE;

    private HourFile(Path temporary, DeferredOutputFile output, ParquetWriter<Object[]> writer) {
        this.temporary = temporary;
        this.output = output;
        this.writer = writer;
    }

    /** Opens a new temporary file in the partition of {@code hour} (creating its folders). */
    static HourFile open(Path dataDirectory, long hour, OfflineSchema schema, MessageType parquetSchema,
                         RowArrayWriteSupport.Stamps stamps, CompressionCodecName codec) throws IOException {
        Path directory = OfflineLayout.partitionPath(dataDirectory, hour);
        DurableFiles.createDirectories(directory);
        Path temporary = directory.resolve(OfflineLayout.tempFileName("bulk"));
        DeferredOutputFile output = new DeferredOutputFile(temporary);
        ParquetWriter<Object[]> writer = new Builder(output, new RowArrayWriteSupport(schema, parquetSchema, stamps))
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(codec)
                .build();
        return new HourFile(temporary, output, writer);
    }

    void write(Object[] row, long eventMs) throws IOException {
        writer.write(row);
        rows++;
        latestEventMs = Math.max(latestEventMs, eventMs);
    }

    long rows() {
        return rows;
    }

    /** Bytes the writer holds (encoded pages and buffered values); the heap it uses is a multiple. */
    long bufferedBytes() {
        return writer.getDataSize();
    }

    /** Writes the footer and closes the file (not synced: that happens in parallel at publish). */
    Finished finish() throws IOException {
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new Finished(temporary, Instant.ofEpochMilli(latestEventMs), rows);
    }

    /**
     * Abandons the file without finishing it (cancel must not pay for encoding what it throws
     * away): releases its descriptor and deletes it. The writer's buffers go with the garbage.
     * Never throws.
     */
    void discard() {
        output.abandon();
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Hidden and unpublished; the next start's recovery deletes it.
        }
    }

    /** A ParquetWriter builder for rows as value arrays. */
    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final WriteSupport<Object[]> support;

        Builder(OutputFile file, WriteSupport<Object[]> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
