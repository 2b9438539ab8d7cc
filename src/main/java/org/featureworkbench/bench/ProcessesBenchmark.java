package org.featureworkbench.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.workspace.Workspace;

/**
 * {@code bench processes} (issue 12, ADR 0016): durable PutRecord throughput of one writer
 * process against four writer processes on one workspace (each its own JVM, one thread), and how
 * long a writer's put waits when the process serving the database exits — cleanly, and killed.
 */
public final class ProcessesBenchmark {
    private final int records;
    private final int runs;
    private final PrintStream out;

    public ProcessesBenchmark(int records, int runs, PrintStream out) {
        this.records = records;
        this.runs = runs;
        this.out = out;
    }

    public int run() throws IOException, InterruptedException {
        out.printf("bench processes: %d PutRecords per writer process (one thread each), %d run(s)%n", records, runs);
        for (int run = 1; run <= runs; run++) {
            double one = throughput(1);
            double four = throughput(4);
            out.printf("run %d: 1 writer %,.0f puts/s; 4 writers %,.0f puts/s in total (%.2fx)%n", run, one, four,
                    four / one);
        }
        for (int run = 1; run <= runs; run++) {
            long clean = handOver(false);
            long killed = handOver(true);
            out.printf("run %d: longest put of a writer while the serving process exits: %,d ms (clean exit),"
                    + " %,d ms (kill -9)%n", run, clean, killed);
        }
        return 0;
    }

    /** Puts per second of {@code writers} processes together, first put to last. */
    private double throughput(int writers) throws IOException, InterruptedException {
        Path dir = freshWorkspace();
        List<Process> children = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            children.add(child("put", dir.toString(), "w" + w + "-", Integer.toString(records)));
        }
        long first = Long.MAX_VALUE;
        long last = 0;
        List<String> each = new ArrayList<>();
        for (Process p : children) {
            long[] r = result(p);
            first = Math.min(first, r[0]);
            last = Math.max(last, r[1]);
            each.add(String.format("%,.0f", records / (double) Math.max(1, r[1] - r[0]) * 1000));
        }
        if (writers > 1) {
            // The first to open the file serves it embedded; the others reach it over loopback TCP.
            out.println("  per writer process, puts/s while it ran: " + String.join(", ", each));
        }
        delete(dir);
        return writers * (double) records / Math.max(1, last - first) * 1000;
    }

    /** The longest put of a writer that started on a database another process serves, which then exits. */
    private long handOver(boolean kill) throws IOException, InterruptedException {
        Path dir = freshWorkspace();
        Process server = child("hold", dir.toString());
        BufferedReader serverOut = reader(server);
        expect(serverOut, "READY", server);
        Process writer = child("put", dir.toString(), "h-", Integer.toString(records));
        BufferedReader writerOut = reader(writer);
        expect(writerOut, "STARTED", writer);
        Thread.sleep(300);
        if (kill) {
            server.toHandle().destroyForcibly();
        } else {
            server.getOutputStream().close();
        }
        server.waitFor(60, TimeUnit.SECONDS);
        long[] r = result(writer, writerOut);
        delete(dir);
        return r[2];
    }

    private Path freshWorkspace() throws IOException {
        Path dir = Files.createTempDirectory("fwb-bench-processes");
        try (FeatureStore store = Workspace.open(dir)) {
            store.createFeatureGroup(ProcessesBenchChild.definition());
        }
        return dir;
    }

    private static Process child(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProcessesBenchChild.class.getName()));
        cmd.addAll(List.of(args));
        // stderr beside the workspace, so a failed child can be read afterwards
        Path err = Path.of(args[1] + "-" + args[0] + "-" + System.nanoTime() + ".err");
        return new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void expect(BufferedReader in, String line, Process p) throws IOException {
        for (String l = in.readLine(); l != null; l = in.readLine()) {
            if (l.equals(line)) {
                return;
            }
        }
        throw new IOException("a benchmark child ended early (exit " + p.exitValue() + ")");
    }

    private static long[] result(Process p) throws IOException, InterruptedException {
        return result(p, reader(p));
    }

    private static long[] result(Process p, BufferedReader in) throws IOException, InterruptedException {
        for (String l = in.readLine(); l != null; l = in.readLine()) {
            if (l.startsWith("RESULT ")) {
                String[] f = l.split(" ");
                p.waitFor(60, TimeUnit.SECONDS);
                return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])};
            }
        }
        p.waitFor(60, TimeUnit.SECONDS);
        throw new IOException("a writer process failed (exit " + p.exitValue() + "); its errors are in "
                + System.getProperty("java.io.tmpdir") + "/fwb-bench-processes*.err");
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
