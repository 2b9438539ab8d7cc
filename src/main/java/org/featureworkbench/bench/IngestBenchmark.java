package org.featureworkbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
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
    /** Measured runs per side after the first (cold) ingest. */
    static final int RUNS = 3;
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
                // The first ingest of the file in this JVM runs partly before the JIT has compiled
                // its hot paths; it is reported as such, and it warms the JIT for the measured runs.
                IngestSummary cold = ingest(store, "cold", csv, true, true).summary;
                report("end to end, cold JVM (first ingest, shown)", cold.seconds(), cold.rowsRead(), "");

                List<Double> both = new ArrayList<>();
                long heapMb = 0;
                IngestSummary last = null;
                for (int run = 1; run <= RUNS; run++) {
                    try (HeapSampler heap = new HeapSampler()) {
                        last = ingest(store, "both" + run, csv, true, true).summary;
                        heapMb = Math.max(heapMb, heap.peakMb());
                    }
                    both.add(last.seconds());
                }
                report("end to end, both stores (median of " + RUNS + ")", median(both), last.rowsRead(),
                        String.format(Locale.ROOT, "online %,d, offline %,d; goal >= 150,000 rows/s; runs %s",
                                last.writtenOnline(), last.writtenOffline(), list(both)));
                out.printf(Locale.ROOT, "peak heap used during the end-to-end ingests: %d MB (sampled every 10 ms; goal <= 512 MB)%n", heapMb);

                List<Double> offline = new ArrayList<>();
                List<Double> copy = new ArrayList<>();
                for (int run = 1; run <= RUNS; run++) {
                    offline.add(ingest(store, "offline" + run, csv, false, true).summary.seconds());
                    copy.add(IngestBaselines.duckDbCopy(csv, scratch.resolve("duckdb" + run + ".parquet")));
                }
                report("offline only (read + Parquet, median)", median(offline), rows, list(offline));
                report("DuckDB COPY read_csv -> Parquet (median)", median(copy), rows, String.format(Locale.ROOT,
                        "ratio %.2f (goal <= 2.0); runs %s", median(offline) / median(copy), list(copy)));
                double perHour = IngestBaselines.duckDbCopyPerHour(csv, scratch.resolve("duckdb-per-hour"));
                report("  context: the same COPY, one folder per hour", perHour, rows, String.format(Locale.ROOT,
                        "(PARTITION_BY, as many files as the store's layout; not a goal) ratio %.2f",
                        median(offline) / perHour));

                List<Double> onlineTotal = new ArrayList<>();
                List<Double> onlineWrite = new ArrayList<>();
                List<Double> raw = new ArrayList<>();
                long written = 0;
                for (int run = 1; run <= RUNS; run++) {
                    Timed online = ingest(store, "online" + run, csv, true, false);
                    onlineTotal.add(online.summary.seconds());
                    onlineWrite.add(online.writePhaseSeconds);
                    written = online.summary.writtenOnline();
                    // Regenerated each run and dropped after, so no ingest runs beside its 200k rows.
                    raw.add(IngestBaselines.h2Insert(scratch.resolve("raw-h2-" + run),
                            IngestBenchmarkFile.newestPerId(rows).values()));
                }
                report("online only (read + dedupe + upsert, median)", median(onlineTotal), rows, list(onlineTotal));
                report("  its online write phase (median)", median(onlineWrite), written, list(onlineWrite));
                report("raw H2 batch insert of the deduplicated rows", median(raw), written, String.format(Locale.ROOT,
                        "ratio %.2f (goal <= 1.5); runs %s", median(onlineWrite) / median(raw), list(raw)));
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

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String list(List<Double> seconds) {
        StringBuilder b = new StringBuilder();
        for (double v : seconds) {
            b.append(b.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return b.append(" s").toString();
    }

    private void report(String what, double seconds, long count, String note) {
        out.printf(Locale.ROOT, "%-48s %7.2f s  %,10.0f rows/s  %s%n", what, seconds, count / seconds, note);
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
