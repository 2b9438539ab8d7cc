package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

/** Opening Parquet files on the local file system without Hadoop's file system layer. */
final class ParquetFiles {

    /** What a file's footer says about it. */
    record Footer(long rows, Optional<Instant> maxWriteTime) {
    }

    private ParquetFiles() {
    }

    /** A writer of Avro generic records to a new local file (fails if the file exists). */
    static ParquetWriter<GenericRecord> openWriter(Path file, Schema schema, CompressionCodecName codec)
            throws IOException {
        return openWriter(file, schema, codec, Set.of());
    }

    /**
     * {@link #openWriter(Path, Schema, CompressionCodecName)} without a dictionary for the named
     * columns (near-unique ones: their dictionary would be as big as the values and be dropped).
     */
    static ParquetWriter<GenericRecord> openWriter(Path file, Schema schema, CompressionCodecName codec,
                                                   Set<String> noDictionary) throws IOException {
        AvroParquetWriter.Builder<GenericRecord> builder = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file));
        for (String column : noDictionary) {
            builder = builder.withDictionaryEncoding(column, false);
        }
        return builder
                .withSchema(schema)
                .withDataModel(GenericData.get())
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(codec)
                // Small start, as for hour files (HourFileWriter): no humongous 1 MB buffer per file.
                .withCodecFactory(new CodecFactory(new PlainParquetConfiguration(),
                        HourFileWriter.COMPRESSOR_BUFFER_BYTES))
                .build();
    }

    /**
     * Row count and newest {@code write_time} from the footer, without reading any data page. The
     * write time comes from the column statistics, so compaction (which rewrites files but keeps
     * each row's write_time) does not move it.
     */
    static Footer footer(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            Long maxMicros = null;
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData column : block.getColumns()) {
                    if (!column.getPath().toDotString().equals(OfflineSchema.WRITE_TIME)) {
                        continue;
                    }
                    Statistics<?> stats = column.getStatistics();
                    if (stats != null && stats.hasNonNullValue() && stats.genericGetMax() instanceof Long max) {
                        maxMicros = maxMicros == null ? max : Math.max(maxMicros, max);
                    }
                }
            }
            Optional<Instant> maxWriteTime = Optional.ofNullable(maxMicros)
                    .map(m -> Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000L));
            return new Footer(reader.getRecordCount(), maxWriteTime);
        }
    }
}
