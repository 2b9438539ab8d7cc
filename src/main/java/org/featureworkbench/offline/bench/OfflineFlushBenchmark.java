package org.featureworkbench.offline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
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
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.offline.OfflineRow;
import org.featureworkbench.offline.ParquetOfflineStore;

/**
 * Offline flush throughput: {@link ParquetOfflineStore#append} against a raw parquet-avro writer
 * writing the same rows to one file with the same schema and codec, in one run.
 *
 * <p>Usage: {@code OfflineFlushBenchmark [rows=1000000] [iterations=3] [codec=SNAPPY]}. Prints the
 * best and median rows/s of each side and the time ratio store / raw (goal ≤ 1.3).
 */
public final class OfflineFlushBenchmark {
    private static final int PER_TYPE = 6;
    private static final int HOURS = 4;

    private OfflineFlushBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rowCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        CompressionCodecName codec = CompressionCodecName.valueOf(args.length > 2 ? args[2] : "SNAPPY");
        FeatureGroup group = group();
        List<OfflineRow> rows = BenchmarkRows.generate(group, rowCount, HOURS);
        List<String> names = group.features().stream().map(FeatureDefinition::name).toList();
        Path scratch = Files.createTempDirectory("fwb-offline-bench");
        try {
            // Warm-up on a tenth of the rows so JIT compilation is not charged to either side.
            List<OfflineRow> warm = rows.subList(0, Math.max(1, rowCount / 10));
            runStore(group, warm, scratch.resolve("warm-store"), codec);
            runRaw(names, warm, scratch.resolve("warm-raw.parquet"), codec);
            long[] store = new long[iterations];
            long[] raw = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                store[i] = runStore(group, rows, scratch.resolve("store-" + i), codec);
                raw[i] = runRaw(names, rows, scratch.resolve("raw-" + i + ".parquet"), codec);
            }
            report(rowCount, codec, store, raw);
        } finally {
            deleteRecursively(scratch);
        }
    }

    private static long runStore(FeatureGroup group, List<OfflineRow> rows, Path root, CompressionCodecName codec) {
        ParquetOfflineStore store = new ParquetOfflineStore(root, codec);
        long start = System.nanoTime();
        store.append(group, rows);
        return System.nanoTime() - start;
    }

    /** The raw engine: one writer, one file, records built positionally from the same rows. */
    private static long runRaw(List<String> names, List<OfflineRow> rows, Path file, CompressionCodecName codec)
            throws IOException {
        Schema schema = rawSchema(names.size());
        long start = System.nanoTime();
        long writeMicros = micros(Instant.now());
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema).withDataModel(GenericData.get()).withConf(new PlainParquetConfiguration())
                .withCompressionCodec(codec).build()) {
            for (OfflineRow row : rows) {
                GenericData.Record record = new GenericData.Record(schema);
                for (int c = 0; c < names.size(); c++) {
                    record.put(c, row.value(names.get(c)));
                }
                record.put(names.size(), micros(row.apiInvocationTime()));
                record.put(names.size() + 1, writeMicros);
                record.put(names.size() + 2, row.isDeleted());
                writer.write(record);
            }
        }
        return System.nanoTime() - start;
    }

    /** The store's schema, built independently: same column types and order (names simplified). */
    private static Schema rawSchema(int features) {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("OfflineRecord").fields();
        fields = fields.optionalString("f0").optionalString("f1");
        for (int i = 0; i < PER_TYPE; i++) {
            fields = fields.optionalLong("i" + i);
        }
        for (int i = 0; i < PER_TYPE; i++) {
            fields = fields.optionalDouble("d" + i);
        }
        for (int i = 0; i < PER_TYPE; i++) {
            fields = fields.optionalString("s" + i);
        }
        Schema timestamp = new Schema.Parser().parse("{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}");
        Schema schema = fields.name("api_invocation_time").type(timestamp).noDefault()
                .name("write_time").type(timestamp).noDefault()
                .requiredBoolean("is_deleted").endRecord();
        if (schema.getFields().size() != features + 3) {
            throw new IllegalStateException("raw schema has " + schema.getFields().size() + " columns");
        }
        return schema;
    }

    static FeatureGroup group() {
        List<FeatureDefinition> features = new ArrayList<>();
        features.add(new FeatureDefinition("record_id", FeatureType.STRING));
        features.add(new FeatureDefinition("event_time", FeatureType.STRING));
        for (int i = 0; i < PER_TYPE; i++) {
            features.add(new FeatureDefinition("int_" + i, FeatureType.INTEGRAL));
        }
        for (int i = 0; i < PER_TYPE; i++) {
            features.add(new FeatureDefinition("double_" + i, FeatureType.FRACTIONAL));
        }
        for (int i = 0; i < PER_TYPE; i++) {
            features.add(new FeatureDefinition("string_" + i, FeatureType.STRING));
        }
        FeatureGroupDefinition definition = new FeatureGroupDefinition("bench", "record_id", "event_time", features,
                "", Map.of(), null, OfflineStoreConfig.ENABLED);
        return new FeatureGroup(definition, Instant.parse("2024-01-01T00:00:00Z"), null, null);
    }

    private static void report(int rowCount, CompressionCodecName codec, long[] store, long[] raw) {
        long storeBest = min(store);
        long rawBest = min(raw);
        long storeMedian = median(store);
        long rawMedian = median(raw);
        System.out.printf(Locale.ROOT, "rows=%d features=20 hours=%d codec=%s iterations=%d cores=%d%n",
                rowCount, HOURS, codec, store.length, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "store append : best %,.0f rows/s (%.2f s), median %,.0f rows/s%n",
                rate(rowCount, storeBest), storeBest / 1e9, rate(rowCount, storeMedian));
        System.out.printf(Locale.ROOT, "raw writer   : best %,.0f rows/s (%.2f s), median %,.0f rows/s%n",
                rate(rowCount, rawBest), rawBest / 1e9, rate(rowCount, rawMedian));
        double[] pairRatios = new double[store.length];
        for (int i = 0; i < store.length; i++) {
            pairRatios[i] = (double) store[i] / raw[i];
            System.out.printf(Locale.ROOT, "  iteration %d: store %.2f s, raw %.2f s, ratio %.2f%n",
                    i + 1, store[i] / 1e9, raw[i] / 1e9, pairRatios[i]);
        }
        Arrays.sort(pairRatios);
        System.out.printf(Locale.ROOT, "ratio store/raw time: best-vs-best %.2f, median-vs-median %.2f,"
                + " median of pairs %.2f (goal <= 1.30)%n", (double) storeBest / rawBest,
                (double) storeMedian / rawMedian, pairRatios[pairRatios.length / 2]);
    }

    private static double rate(int rows, long nanos) {
        return rows / (nanos / 1e9);
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
