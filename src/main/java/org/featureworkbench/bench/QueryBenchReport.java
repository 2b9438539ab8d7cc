package org.featureworkbench.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The numbers of one {@code bench query} run and the issue's goals, printed as one report. Pure:
 * it only holds numbers and decides which goals are met ({@link QueryBenchReportTest}).
 */
final class QueryBenchReport {
    /** Goal: a query through the engine takes at most this many times raw DuckDB on the same hour files. */
    static final double GOAL_ENGINE_VS_HOUR_FILES = 1.1;
    /** Goal: at most this many times raw DuckDB on one Parquet file holding the same rows. */
    static final double GOAL_ENGINE_VS_ONE_FILE = 2.0;
    static final double GOAL_STATISTICS_SECONDS = 5.0;
    static final double GOAL_EXPLORE_OPEN_SECONDS = 1.0;
    static final long GOAL_HEAP_MB = 512;

    /**
     * One query's timings in milliseconds, each list the measured runs (after the warm-up).
     *
     * @param engine     {@code store.query().stream(…)}, every row read (the CLI's path)
     * @param enginePaged {@code store.query().run(…)} + its first page of 100 rows (the Explore page's path)
     * @param hourFiles  raw DuckDB over {@code read_parquet(<group>/data/**}{@code /*.parquet)}
     * @param oneFile    raw DuckDB over one Parquet file holding the same rows
     * @param resultRows rows of the result (the same on every side, or the report says not)
     * @param agree      whether every side returned the same rows (count and checksum)
     */
    record QueryTimes(String name, List<Double> engine, List<Double> enginePaged, List<Double> hourFiles,
                      List<Double> oneFile, long resultRows, boolean agree) {
        double engineMs() {
            return median(engine);
        }

        double hourFilesMs() {
            return median(hourFiles);
        }

        double oneFileMs() {
            return median(oneFile);
        }

        double engineVsHourFiles() {
            return ratio(engineMs(), hourFilesMs());
        }

        double engineVsOneFile() {
            return ratio(engineMs(), oneFileMs());
        }

        double hourFilesVsOneFile() {
            return ratio(hourFilesMs(), oneFileMs());
        }

        boolean meetsHourFilesGoal() {
            return engineVsHourFiles() <= GOAL_ENGINE_VS_HOUR_FILES;
        }

        boolean meetsOneFileGoal() {
            return engineVsOneFile() <= GOAL_ENGINE_VS_ONE_FILE;
        }
    }

    /** A measured line outside the query table: what, how long, and the goal (null: none). */
    record Line(String what, double seconds, String note, Double goalSeconds) {
        boolean met() {
            return goalSeconds == null || seconds <= goalSeconds;
        }
    }

    final List<String> header = new ArrayList<>();
    final List<Line> setup = new ArrayList<>();
    final List<QueryTimes> queries = new ArrayList<>();
    final List<Line> after = new ArrayList<>();
    /** Empty when statistics were not measured (the statistics API is not in this build). */
    final List<Line> statistics = new ArrayList<>();
    final List<Line> explore = new ArrayList<>();
    long peakHeapMb = -1;
    long peakHeapQueriesMb = -1;

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }

    /** "met" or "MISSED" for a goal "value <= goal". */
    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    int queriesMeetingHourFilesGoal() {
        return (int) queries.stream().filter(QueryTimes::meetsHourFilesGoal).count();
    }

    int queriesMeetingOneFileGoal() {
        return (int) queries.stream().filter(QueryTimes::meetsOneFileGoal).count();
    }

    void print(PrintStream out) {
        header.forEach(out::println);
        out.println();
        printLines(out, setup);
        out.println();
        out.println(String.format(Locale.ROOT, "%-28s %10s %10s %10s %10s %9s %9s %9s %10s  %s", "query (median of runs, ms)",
                "engine", "eng.paged", "hour files", "one file", "eng/hour", "eng/one", "hour/one", "rows", "goals"));
        for (QueryTimes q : queries) {
            out.println(String.format(Locale.ROOT, "%-28s %10.1f %10.1f %10.1f %10.1f %8.2fx %8.2fx %8.2fx %,10d  %s",
                    q.name(), q.engineMs(), median(q.enginePaged()), q.hourFilesMs(), q.oneFileMs(),
                    q.engineVsHourFiles(), q.engineVsOneFile(), q.hourFilesVsOneFile(), q.resultRows(),
                    "<=1.1x hour files " + verdict(q.meetsHourFilesGoal()) + ", <=2x one file "
                            + verdict(q.meetsOneFileGoal()) + (q.agree() ? "" : "  RESULTS DIFFER")));
        }
        for (QueryTimes q : queries) {
            out.println(String.format(Locale.ROOT, "  runs %-22s engine %s | paged %s | hour files %s | one file %s",
                    q.name(), list(q.engine()), list(q.enginePaged()), list(q.hourFiles()), list(q.oneFile())));
        }
        out.println(String.format(Locale.ROOT, "engine <= 1.1x raw on the hour files: %d of %d queries; "
                + "engine <= 2x raw on one file: %d of %d queries", queriesMeetingHourFilesGoal(), queries.size(),
                queriesMeetingOneFileGoal(), queries.size()));
        if (!after.isEmpty()) {
            out.println();
            printLines(out, after);
        }
        out.println();
        if (statistics.isEmpty()) {
            out.println("statistics: not measured (the statistics API is not in this build)");
        } else {
            printLines(out, statistics);
        }
        if (!explore.isEmpty()) {
            out.println();
            printLines(out, explore);
        }
        out.println();
        if (peakHeapMb >= 0) {
            out.println(String.format(Locale.ROOT, "peak Java heap used: %d MB over the whole run, %d MB while querying "
                    + "(sampled every 10 ms, max heap %d MB; goal <= %d MB) %s", peakHeapMb, peakHeapQueriesMb,
                    Runtime.getRuntime().maxMemory() >> 20, GOAL_HEAP_MB, verdict(peakHeapMb <= GOAL_HEAP_MB)));
        }
    }

    private static void printLines(PrintStream out, List<Line> lines) {
        for (Line l : lines) {
            String goal = l.goalSeconds() == null ? ""
                    : String.format(Locale.ROOT, "  goal <= %s s %s", trim(l.goalSeconds()), verdict(l.met()));
            out.println(String.format(Locale.ROOT, "%-58s %9.3f s%s%s", l.what(), l.seconds(), goal,
                    l.note().isEmpty() ? "" : "  (" + l.note() + ")"));
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static String list(List<Double> ms) {
        StringBuilder b = new StringBuilder();
        for (double v : ms) {
            b.append(b.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.1f", v));
        }
        return b.toString();
    }
}
