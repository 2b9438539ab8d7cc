package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * One append: rows bucketed by event-time hour, one temporary file written and synced per hour,
 * (partitions in parallel, {@link ParallelFileWork}), then every file renamed to its published
 * name. Used under the group's writer lock; not thread-safe itself. The rows list is only read,
 * from several threads at once.
 */
final class ParquetAppender {
    private final Path dataDirectory;
    private final OfflineSchema schema;
    private final CompressionCodecName codec;

    private record Written(Path temporary, Instant latestEvent, long rows) {
    }

    ParquetAppender(Path dataDirectory, OfflineSchema schema, CompressionCodecName codec) {
        this.dataDirectory = dataDirectory;
        this.schema = schema;
        this.codec = codec;
    }

    AppendResult append(List<OfflineRow> rows) throws IOException {
        return append(rows, null);
    }

    /**
     * @param fileToken null for fresh random file names; else the 16 alphanumerics every file of
     *                  this append ends with, and a partition that already holds a published file
     *                  with that token is skipped (its rows were published by an earlier try)
     */
    AppendResult append(List<OfflineRow> rows, String fileToken) throws IOException {
        Instant writeTime = Instant.now();
        if (rows.isEmpty()) {
            return new AppendResult(List.of(), 0, writeTime);
        }
        long writeMicros = OfflineSchema.micros(writeTime);
        List<Callable<Written>> partitions = new ArrayList<>();
        long skippedRows = 0;
        for (Map.Entry<Long, IndexList> hour : bucketByHour(rows).entrySet()) {
            if (fileToken != null && alreadyPublished(hour.getKey(), fileToken)) {
                skippedRows += hour.getValue().size;
                continue;
            }
            partitions.add(() -> writePartition(hour.getKey(), hour.getValue(), rows, writeMicros));
        }
        // In parallel: a bulk ingest touches hundreds of hours, and each file's fsync waits on the disk.
        List<Written> written = ParallelFileWork.runAll(partitions, w -> deleteTemporaries(List.of(w)));
        // Publish only once every file is complete and synced, so a bad value or a full disk in
        // any partition publishes nothing.
        List<Path> published = new ArrayList<>();
        Set<Path> directories = new LinkedHashSet<>();
        try {
            for (Written w : written) {
                Path target = w.temporary().resolveSibling(fileToken == null
                        ? OfflineLayout.dataFileName(w.latestEvent())
                        : OfflineLayout.timestampPrefix(w.latestEvent()) + "_" + fileToken + OfflineLayout.PARQUET_SUFFIX);
                DurableFiles.publish(w.temporary(), target);
                published.add(target);
                directories.add(target.getParent());
            }
        } catch (IOException e) {
            deleteTemporaries(written);
            throw e;
        }
        ParallelFileWork.forEach(new ArrayList<>(directories), DurableFiles::syncDirectory);
        return new AppendResult(published, rows.size() - skippedRows, writeTime);
    }

    private boolean alreadyPublished(long hour, String fileToken) throws IOException {
        Path directory = OfflineLayout.partitionPath(dataDirectory, hour);
        if (!Files.isDirectory(directory)) {
            return false;
        }
        String suffix = "_" + fileToken + OfflineLayout.PARQUET_SUFFIX;
        try (var files = Files.list(directory)) {
            if (files.anyMatch(f -> f.getFileName().toString().endsWith(suffix))) {
                return true;
            }
        }
        // Names first, then the compaction record: a compaction records tokens before it deletes files.
        return PartitionTokens.contains(directory, fileToken);
    }

    /** Row positions per hour: 4 bytes a row, so only one writer and its buffers are open at a time. */
    private static TreeMap<Long, IndexList> bucketByHour(List<OfflineRow> rows) {
        TreeMap<Long, IndexList> byHour = new TreeMap<>();
        long lastHour = Long.MIN_VALUE;
        IndexList last = null;
        for (int i = 0; i < rows.size(); i++) {
            long hour = OfflineLayout.hourOf(rows.get(i).eventTime());
            // Ingested rows usually arrive in time order: skip the map lookup while the hour repeats.
            if (hour != lastHour) {
                last = byHour.computeIfAbsent(hour, h -> new IndexList());
                lastHour = hour;
            }
            last.add(i);
        }
        return byHour;
    }

    private Written writePartition(long hour, IndexList indices, List<OfflineRow> rows, long writeMicros)
            throws IOException {
        Path directory = OfflineLayout.partitionPath(dataDirectory, hour);
        DurableFiles.createDirectories(directory);
        Path temporary = directory.resolve(OfflineLayout.tempFileName("append"));
        Instant latest = null;
        try {
            try (ParquetWriter<GenericRecord> writer = ParquetFiles.openWriter(temporary, schema.avro(), codec,
                    nearUniqueFeatures(indices, rows))) {
                for (int k = 0; k < indices.size; k++) {
                    OfflineRow row = rows.get(indices.values[k]);
                    writer.write(schema.toRecord(row, writeMicros));
                    if (latest == null || row.eventTime().isAfter(latest)) {
                        latest = row.eventTime();
                    }
                }
            }
            DurableFiles.sync(temporary);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new Written(temporary, latest, indices.size);
    }

    /**
     * Features whose values look unique among the partition's first rows (the rule of
     * {@link HourBuffer#nearUniqueFeatures}, on row objects): they are written without a dictionary.
     */
    private Set<String> nearUniqueFeatures(IndexList indices, List<OfflineRow> rows) {
        int sample = Math.min(indices.size, HourFileWriter.DICTIONARY_SAMPLE_ROWS);
        if (sample < HourBuffer.MIN_SAMPLE_ROWS) {
            return Set.of();
        }
        Set<String> unique = new java.util.HashSet<>();
        for (String feature : schema.featureNames()) {
            Set<Object> distinct = new java.util.HashSet<>();
            int present = 0;
            for (int k = 0; k < sample; k++) {
                Object value = rows.get(indices.values[k]).value(feature);
                if (value != null) {
                    present++;
                    distinct.add(value);
                }
            }
            if (present >= HourBuffer.MIN_SAMPLE_ROWS && distinct.size() >= HourBuffer.DISTINCT_SHARE * present) {
                unique.add(feature);
            }
        }
        return unique;
    }

    private static void deleteTemporaries(List<Written> written) {
        for (Written w : written) {
            try {
                Files.deleteIfExists(w.temporary());
            } catch (IOException e) {
                // recover() removes it at the next start; it is invisible to readers meanwhile.
            }
        }
    }

    /** A growable int array: row positions without boxing. */
    private static final class IndexList {
        int[] values = new int[64];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
