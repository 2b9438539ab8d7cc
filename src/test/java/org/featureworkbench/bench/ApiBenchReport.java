package org.featureworkbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code bench api} results as a Markdown table for docs/benchmarks.md, with notes on the run. */
final class ApiBenchReport {
    private final List<String> notes = new ArrayList<>();
    private final List<ApiBenchLoad.Result> results = new ArrayList<>();

    void note(String note) {
        notes.add(note);
        System.err.println("bench api: " + note);
    }

    void add(ApiBenchLoad.Result result) {
        results.add(result);
        System.err.println("bench api: " + row(result));
    }

    void print(PrintStream out) {
        out.println();
        out.println("| call | client threads | calls | calls/s | p50 | p99 | CPU per call | server threads' | calling threads' |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        results.forEach(r -> out.println(row(r)));
        out.println();
        notes.forEach(n -> out.println("- " + n));
        out.println("- " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    }

    private static String row(ApiBenchLoad.Result r) {
        return String.format("| %s | %d | %,d | %,.0f | %s | %s | %s | %s | %s |", r.name(), r.threads(), r.calls(),
                r.perSecond(), micros(r.latency().micros(50)), micros(r.latency().micros(99)),
                micros(r.cpuMicrosPerCall()), micros(r.serverCpuMicrosPerCall()), micros(r.clientCpuMicrosPerCall()));
    }

    private static String micros(double us) {
        return us >= 1000 ? String.format("%.2f ms", us / 1000) : String.format("%.0f µs", us);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
