package org.featureworkbench.bench;

import static org.featureworkbench.bench.OnlineBenchmark.format;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The numbers of one {@link OnlineBenchmark} run, printed as a table with the goals. */
final class BenchReport {
    private final int records;
    private final int lookups;
    double put1;
    double put4;
    double rawPut1;
    double rawPut4;
    /** Pairs of (store flush, raw writer) nanoseconds, one pair per flushed batch of {@code records} rows. */
    final List<long[]> flushes = new ArrayList<>();
    Percentiles getFacade;
    Percentiles getRaw;
    /** Pages H2 read from the database file (page cache misses) during the measured lookups, both sides. */
    long getFileReads;

    BenchReport(int records, int lookups) {
        this.records = records;
        this.lookups = lookups;
    }

    void print(PrintStream out) {
        printLookups(out);
        printWrites(out);
    }

    /** The header and the GetRecord rows (all that {@code bench online --lookups-only} measures). */
    void printLookups(PrintStream out) {
        out.println(format("bench online: %,d records x 20 features, %,d lookups, %d cores, Java %s",
                records, lookups, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.println(format("%-34s %16s %16s %8s  %s", "measure", "feature store", "raw engine", "ratio", "goal"));
        double p50 = getFacade.micros(50);
        double p99 = getFacade.micros(99);
        double rawP50 = getRaw.micros(50);
        double rawP99 = getRaw.micros(99);
        row(out, "GetRecord p50", format("%.1f us", p50), format("%.1f us", rawP50), p50 / rawP50, "");
        row(out, "GetRecord p99", format("%.1f us", p99), format("%.1f us", rawP99), p99 / rawP99,
                verdict(p99 <= 50 && p99 <= 2 * rawP99, "<= 50 us and <= 2x raw"));
        row(out, "GetRecord p99.9", format("%.1f us", getFacade.micros(99.9)), format("%.1f us", getRaw.micros(99.9)),
                getFacade.micros(99.9) / getRaw.micros(99.9), "");
        out.println(format("(H2 page cache misses during the measured lookups, both sides: %,d)", getFileReads));
    }

    /** Continues {@link #printLookups} with the put and flush rows. */
    private void printWrites(PrintStream out) {
        // Ratio as time per put (raw rate / store rate), like the other rows: 1.0x = as fast as raw.
        row(out, "PutRecord durable, 1 thread", format("%,.0f /s", put1), format("%,.0f /s", rawPut1),
                rawPut1 / put1, verdict(put1 >= 20_000, ">= 20,000/s"));
        row(out, "PutRecord durable, 4 threads", format("%,.0f /s", put4), format("%,.0f /s", rawPut4),
                rawPut4 / put4, "");
        for (int i = 0; i < flushes.size(); i++) {
            long store = flushes.get(i)[0];
            long raw = flushes.get(i)[1];
            row(out, format("flush journal->Parquet, batch %d", i + 1), format("%,.0f rows/s", records / (store / 1e9)),
                    format("%,.0f rows/s", records / (raw / 1e9)), (double) store / raw,
                    verdict((double) store / raw <= 1.3, "<= 1.3x raw time"));
        }
    }

    private static void row(PrintStream out, String what, String store, String raw, double ratio, String goal) {
        out.println(format("%-34s %16s %16s %8s  %s", what, store, raw,
                Double.isNaN(ratio) ? "" : format("%.2fx", ratio), goal));
    }

    private static String verdict(boolean met, String goal) {
        return goal + (met ? "  met" : "  MISSED");
    }
}
