package org.featureworkbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start, measured as a user meets it: wall time of fresh JVMs running
 * {@code java -jar feature-workbench.jar group list} on a workspace with a few groups, and the
 * time from JVM start to the first shown window (needs a display, e.g. Xvfb). The raw-engine
 * baseline in the same run is a JVM that does nothing ({@code java -version}), the floor any
 * Java CLI pays.
 */
public final class StartupBenchmark {
    private static final Pattern FIRST_WINDOW = Pattern.compile("first-window-ms=(\\d+)");

    private final Path jar;
    private final int runs;
    private final PrintStream out;

    public StartupBenchmark(Path jar, int runs, PrintStream out) {
        this.jar = jar;
        this.runs = runs;
        this.out = out;
    }

    /** Runs the benchmark and prints a small table; returns 0, or 1 when the jar is missing. */
    public int run() throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            out.println("no jar at " + jar + "; build it first with: mvn -B package -DskipTests");
            return 1;
        }
        Path workspace = Files.createTempDirectory("fwb-startup-bench");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String name : List.of("customers", "orders", "transactions")) {
            Path def = Files.writeString(workspace.resolveSibling(workspace.getFileName() + "-" + name + ".json"),
                    new String(StartupBenchmark.class.getResourceAsStream("/sample-data/" + name + ".group.json")
                            .readAllBytes(), StandardCharsets.UTF_8));
            exec(List.of(java, "-jar", jar.toString(), "--workspace", workspace.toString(), "group", "create",
                    "--file", def.toString()));
        }
        List<Long> jvm = new ArrayList<>();
        List<Long> list = new ArrayList<>();
        List<Long> window = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            jvm.add(exec(List.of(java, "-version")).wallMs);
            list.add(exec(List.of(java, "-jar", jar.toString(), "--workspace", workspace.toString(), "group", "list")).wallMs);
            if (System.getenv("DISPLAY") != null) {
                Timed gui = exec(List.of(java, "-Dfwb.startupProbe=true", "-jar", jar.toString(),
                        "--workspace", workspace.toString()));
                Matcher m = FIRST_WINDOW.matcher(gui.output);
                if (m.find()) {
                    window.add(Long.parseLong(m.group(1)));
                }
            }
        }
        out.printf("cold start over %d runs (median / min, ms), jar %s%n", runs, jar);
        out.printf("  java -version (JVM floor)        %6d / %6d%n", median(jvm), Collections.min(jvm));
        out.printf("  group list                       %6d / %6d   goal <= 1500%n", median(list), Collections.min(list));
        if (window.isEmpty()) {
            out.println("  first window                     not measured: no DISPLAY (run under Xvfb)");
        } else {
            out.printf("  first window shown               %6d / %6d   goal <= 2500%n", median(window), Collections.min(window));
        }
        return 0;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private record Timed(long wallMs, String output) {
    }

    private static Timed exec(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return new Timed(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), new String(output, StandardCharsets.UTF_8));
    }
}
