package org.featureworkbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.core.IngestSummary;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.workspace.Workspace;

/**
 * {@code bench ingest}: batch ingest of a generated CSV (see {@link IngestBenchmarkFile}) into a
 * fresh workspace, against the raw engines on the same file in the same run
 * ({@link IngestBaselines}): end to end into both stores; offline alone vs DuckDB's COPY to
 * Parquet; the online write phase vs a raw H2 batch insert of the deduplicated rows; peak heap.
 * Goals (issue 4): ≥ 150k rows/s end to end, offline ≤ 2× COPY, online ≤ 1.5× raw H2, heap ≤ 512 MB
 * when run with {@code -Xmx512m}.
 */
public final class IngestBenchmark {
    private final int rows;
    private final PrintStream out;

    public IngestBenchmark(int rows, PrintStream out) {
        this.rows = rows;
        this.out = out;
    }

    /** Runs everything in a temporary folder (deleted afterwards) and prints one line per measurement. */
    public int run() throws IOException, SQLException {
        Path scratch = Files.createTempDirectory("fwb-ingest-bench");
        try {
            Path csv = scratch.resolve("bench.csv");
            long t = System.nanoTime();
            IngestBenchmarkFile.write(csv, rows);
            out.printf(Locale.ROOT, "generated %,d rows x 12 columns (%,d distinct ids), %,d bytes, in %.1f s%n", rows,
                    Math.min(rows, IngestBenchmarkFile.DISTINCT_IDS), Files.size(csv), seconds(t));
            out.printf(Locale.ROOT, "max heap %d MB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            try (FeatureStore store = Workspace.open(scratch.resolve("workspace"))) {
                // Warm-up on the first tenth, so class loading and JIT are not charged to the first measurement.
                Path warm = scratch.resolve("warm.csv");
                IngestBenchmarkFile.write(warm, Math.max(1, rows / 10));
                ingest(store, "warmup", warm, true, true);
                IngestSummary both;
                long heapMb;
                try (HeapSampler heap = new HeapSampler()) {
                    both = ingest(store, "both", csv, true, true).summary;
                    heapMb = heap.peakMb();
                }
                report("end to end, both stores", both.seconds(), both.rowsRead(), String.format(Locale.ROOT,
                        "online %,d, offline %,d; goal >= 150,000 rows/s", both.writtenOnline(), both.writtenOffline()));
                out.printf(Locale.ROOT, "peak heap used during the end-to-end ingest: %d MB (sampled every 10 ms; goal <= 512 MB)%n", heapMb);

                IngestSummary offline = ingest(store, "offline", csv, false, true).summary;
                double copy = IngestBaselines.duckDbCopy(csv, scratch.resolve("duckdb.parquet"));
                report("offline only (read + Parquet)", offline.seconds(), offline.rowsRead(), "");
                report("DuckDB COPY read_csv -> Parquet", copy, rows, String.format(Locale.ROOT,
                        "ratio %.2f (goal <= 2.0)", offline.seconds() / copy));

                Timed online = ingest(store, "online", csv, true, false);
                double raw = IngestBaselines.h2Insert(scratch.resolve("raw-h2"), IngestBenchmarkFile.newestPerId(rows).values());
                report("online only (read + dedupe + upsert)", online.summary.seconds(), online.summary.rowsRead(), "");
                report("  its online write phase", online.writePhaseSeconds, online.summary.writtenOnline(), "");
                report("raw H2 batch insert of the deduplicated rows", raw, online.summary.writtenOnline(),
                        String.format(Locale.ROOT, "ratio %.2f (goal <= 1.5)", online.writePhaseSeconds / raw));
            }
            return 0;
        } finally {
            deleteRecursively(scratch);
        }
    }

    /** An ingest's summary and how long its write phase took after the file had been read. */
    private record Timed(IngestSummary summary, double writePhaseSeconds) {
    }

    private Timed ingest(FeatureStore store, String name, Path csv, boolean online, boolean offline) {
        FeatureGroupDefinition definition = IngestBenchmarkFile.group(name, online, offline);
        store.createFeatureGroup(definition);
        long[] lastReadNanos = {System.nanoTime()};
        long start = System.nanoTime();
        IngestSummary summary = store.ingest().ingest(IngestRequest.of(name, csv).withTargets(Set.of()), p -> {
            if (p.writtenOnline() == 0) {
                lastReadNanos[0] = System.nanoTime();
            }
        });
        long end = start + (long) (summary.seconds() * 1e9);
        return new Timed(summary, Math.max(0, (end - lastReadNanos[0]) / 1e9));
    }

    private void report(String what, double seconds, long count, String note) {
        out.printf(Locale.ROOT, "%-46s %7.2f s  %,10.0f rows/s  %s%n", what, seconds, count / seconds, note);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
