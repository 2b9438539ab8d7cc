package org.featureworkbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Locale;
import org.featureworkbench.ingest.IngestOptions;
import org.featureworkbench.ingest.IngestProgress;
import org.featureworkbench.ingest.IngestReader;
import org.featureworkbench.ingest.MappedRow;
import org.featureworkbench.ingest.RejectSink;
import org.featureworkbench.ingest.SourceOptions;
import org.featureworkbench.ingest.SourceReader;
import org.featureworkbench.ingest.SourceReaders;

/**
 * Measures the read side of an ingest on a generated CSV of 1M rows × 12 columns (string ids with
 * 200k distinct values, ints, doubles, strings, ISO event times over 30 days): the raw CSV parse,
 * then parse + mapping + coercion (what the stores will be fed), and the peak heap of each.
 * Run with {@code java -Xmx512m -cp target/classes:$(cat cp.txt) org.featureworkbench.bench.CsvReadBenchmark [rows]}.
 */
public final class CsvReadBenchmark {
    private static final int DISTINCT_IDS = 200_000;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String[] CITIES = {"Lyon", "Paris", "Seattle", "Berlin, DE", "São Paulo", "Tokyo"};

    private CsvReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Files.createTempFile("fwb-bench-", ".csv");
        try {
            long t0 = System.nanoTime();
            IngestBenchmarkFile.write(file, rows);
            System.out.printf(Locale.ROOT, "generated %,d rows x 12 columns, %,d bytes in %.2f s%n", rows,
                    Files.size(file), seconds(t0));
            for (int round = 1; round <= 3; round++) {
                resetPeaks();
                long t = System.nanoTime();
                long parsed = parseOnly(file);
                double parseSeconds = seconds(t);
                long parsePeak = heapPeakMb();
                resetPeaks();
                t = System.nanoTime();
                IngestProgress counts = readAndMap(file);
                double mapSeconds = seconds(t);
                System.out.printf(Locale.ROOT, "round %d: parse %,d rows in %.2f s (%,.0f rows/s, peak heap %d MB); "
                                + "parse+map %,d accepted / %,d rejected in %.2f s (%,.0f rows/s, peak heap %d MB)%n",
                        round, parsed, parseSeconds, parsed / parseSeconds, parsePeak, counts.rowsAccepted(),
                        counts.rowsRejected(), mapSeconds, counts.rowsRead() / mapSeconds, heapPeakMb());
            }
            System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long parseOnly(Path file) {
        long n = 0;
        try (SourceReader reader = SourceReaders.open(file, SourceOptions.DETECT)) {
            while (reader.next() != null) {
                n++;
            }
        }
        return n;
    }

    private static IngestProgress readAndMap(Path file) {
        long checksum = 0;
        try (IngestReader reader = IngestReader.open(file, IngestOptions.DEFAULTS, IngestBenchmarkFile.group("bench", true, true), RejectSink.NONE)) {
            while (reader.hasNext()) {
                MappedRow row = reader.next();
                checksum += row.eventTime().getEpochSecond();
            }
            if (checksum == 42) {
                System.out.println("unlikely checksum");
            }
            return reader.counts();
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeakMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
