package org.featureworkbench.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers of one {@code bench dataset} run and the goals, printed as one report. Pure:
 * it only holds numbers and decides which goals are met ({@code DatasetBenchmarkReportTest}).
 */
final class DatasetBenchmarkReport {
    static final String BUILDER = "builder";
    static final String RAW = "raw DuckDB";
    static final String PANDAS = "pandas";
    static final String CSV = "CSV";
    static final String PARQUET = "Parquet";
    /** Goal: the builder takes at most this many times the hand-written DuckDB ASOF join. */
    static final double GOAL_BUILDER_VS_RAW = 1.5;
    /** Goal: pandas takes at least this many times the builder, end to end. */
    static final double GOAL_PANDAS_VS_BUILDER = 5.0;
    static final long GOAL_HEAP_MB = 512;

    /** A setup step that is not compared (data generation, ingest, export for pandas). */
    record Line(String what, double seconds, String note) {
    }

    /**
     * One side writing one format.
     *
     * @param side   {@link #BUILDER}, {@link #RAW} or {@link #PANDAS}
     * @param format {@link #CSV} or {@link #PARQUET}
     * @param warmup seconds of the first (unmeasured) run
     * @param runs   seconds of each measured run
     */
    record Times(String side, String format, double warmup, List<Double> runs) {
        double median() {
            return QueryBenchReport.median(runs);
        }

        String label() {
            return side + ", " + format;
        }
    }

    final List<String> header = new ArrayList<>();
    final List<Line> setup = new ArrayList<>();
    final List<Times> times = new ArrayList<>();
    /** Rows each output holds, by {@link Times#label()}. */
    final Map<String, Long> rows = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    final List<DatasetBenchmarkCompare.Outcome> comparisons = new ArrayList<>();
    long referenceRows = -1;
    /** Why the pandas side did not run, or null. */
    String pandasSkipped;
    long peakHeapMb = -1;
    long peakHeapBuilderMb = -1;

    Times find(String side, String format) {
        return times.stream().filter(t -> t.side().equals(side) && t.format().equals(format)).findFirst().orElse(null);
    }

    /** Median of {@code side} ÷ median of {@code other}, both writing {@code format}; NaN when either is missing. */
    double ratio(String side, String other, String format) {
        Times a = find(side, format);
        Times b = find(other, format);
        return a == null || b == null ? Double.NaN : QueryBenchReport.ratio(a.median(), b.median());
    }

    /** Every compared output equal to the reference, and at least one compared. */
    boolean outputsEqual() {
        return !comparisons.isEmpty() && comparisons.stream().allMatch(DatasetBenchmarkCompare.Outcome::equal);
    }

    boolean builderGoalMet(String format) {
        return ratio(BUILDER, RAW, format) <= GOAL_BUILDER_VS_RAW;
    }

    boolean pandasGoalMet() {
        return ratio(PANDAS, BUILDER, CSV) >= GOAL_PANDAS_VS_BUILDER;
    }

    void print(PrintStream out) {
        header.forEach(out::println);
        out.println();
        for (Line l : setup) {
            out.println(String.format(Locale.ROOT, "%-62s %9.2f s%s", l.what(), l.seconds(),
                    l.note().isEmpty() ? "" : "  (" + l.note() + ")"));
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%-22s %10s %10s %12s  %s", "side, output", "warm-up s", "median s",
                "rows", "measured runs (s)"));
        for (Times t : times) {
            Long n = rows.get(t.label());
            out.println(String.format(Locale.ROOT, "%-22s %10.2f %10.2f %12s  %s", t.label(), t.warmup(), t.median(),
                    n == null ? "?" : String.format(Locale.ROOT, "%,d", n), seconds(t.runs())));
        }
        if (pandasSkipped != null) {
            out.println("pandas: skipped -- " + pandasSkipped);
        }
        notes.forEach(n -> out.println("  " + n));
        out.println();
        goal(out, "builder / raw DuckDB, CSV", ratio(BUILDER, RAW, CSV), "x", "<= 1.5x", builderGoalMet(CSV));
        goal(out, "builder / raw DuckDB, Parquet", ratio(BUILDER, RAW, PARQUET), "x", "<= 1.5x", builderGoalMet(PARQUET));
        goal(out, "pandas / builder, CSV (end to end)", ratio(PANDAS, BUILDER, CSV), "x", ">= 5x", pandasGoalMet());
        goal(out, "peak Java heap, whole run", peakHeapMb, " MB", "<= " + GOAL_HEAP_MB + " MB",
                peakHeapMb >= 0 && peakHeapMb <= GOAL_HEAP_MB);
        out.println(String.format(Locale.ROOT, "  (peak heap while the builder ran: %s; max heap %d MB; sampled every "
                + "10 ms)", peakHeapBuilderMb < 0 ? "not measured" : peakHeapBuilderMb + " MB",
                Runtime.getRuntime().maxMemory() >> 20));
        out.println();
        out.println("outputs equal: " + (outputsEqual() ? "yes" : "no"));
        for (DatasetBenchmarkCompare.Outcome o : comparisons) {
            out.println("  " + o.describe(referenceRows));
        }
    }

    private static void goal(PrintStream out, String what, double value, String unit, String goal, boolean met) {
        String shown = Double.isNaN(value) || value < 0 ? "not measured"
                : String.format(Locale.ROOT, unit.equals("x") ? "%.2f%s" : "%.0f%s", value, unit);
        out.println(String.format(Locale.ROOT, "%-36s %14s   goal %-10s %s", what, shown, goal,
                Double.isNaN(value) || value < 0 ? "not measured" : met ? "met" : "MISSED"));
    }

    static String seconds(List<Double> values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.isEmpty() ? "" : " / ").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return b.toString();
    }
}
