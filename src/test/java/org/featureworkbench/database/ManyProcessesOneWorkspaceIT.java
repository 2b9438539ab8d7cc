package org.featureworkbench.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.Main;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: four CLI processes write one workspace at once — puts and ingests, two into one
 * group and one each into two others — while a fifth opens and closes the workspace over and
 * over, so the database keeps changing hands under the writers. Every process must exit 0, and
 * every record sent must be online and offline exactly once.
 */
class ManyProcessesOneWorkspaceIT {
    private static final int PUTS = 500;
    private static final int INGEST_ROWS = 3000;

    @TempDir
    Path workspace;

    @Test
    void fourWritersAndAnOpenerAllSucceedAndLoseNothing() throws Exception {
        try (FeatureStore setup = Workspace.open(workspace)) {
            for (String group : List.of("shared", "puts", "ingests")) {
                setup.createFeatureGroup(Definitions.customers(group));
            }
        }
        // The opener goes first, so it is the one that opened the database file and serves it.
        Process firstOpener = start(List.of(OpenCloseChild.class.getName(), workspace.toString()), "opener-0");
        List<Process> writers = new ArrayList<>();
        writers.add(startCli("put-shared", "put", "shared", "--record-file", putFile("p", PUTS).toString()));
        writers.add(startCli("ingest-shared", "ingest", "shared", csvFile("i", INGEST_ROWS).toString()));
        writers.add(startCli("put-own", "put", "puts", "--record-file", putFile("q", PUTS).toString()));
        writers.add(startCli("ingest-own", "ingest", "ingests", csvFile("j", INGEST_ROWS).toString()));
        finish(firstOpener);
        int openers = 1;
        while (writers.stream().anyMatch(Process::isAlive)) {
            finish(start(List.of(OpenCloseChild.class.getName(), workspace.toString()), "opener-" + openers++));
        }
        for (Process w : writers) {
            finish(w);
        }
        String outputs = outputs();
        System.out.println(outputs); // kept in the failsafe report: waits and hand-overs the children saw
        System.out.println(openers + " openers; connections lost and followed: " + logs().split("following the database",
                -1).length);
        assertTrue(openers >= 2, "the writers finished before a second opener ran: nothing was tested");

        try (FeatureStore store = Workspace.open(workspace)) {
            assertCounts(store, "shared", PUTS + INGEST_ROWS);
            assertCounts(store, "puts", PUTS);
            assertCounts(store, "ingests", INGEST_ROWS);
        }
    }

    private static void assertCounts(FeatureStore store, String group, long sent) {
        var stats = store.records().stats(group);
        assertEquals(sent, stats.onlineRecords(), group + ": every record sent is online");
        assertEquals(sent, stats.offline().rows(), group + ": every record sent is offline exactly once");
    }

    /** JSON Lines for {@code put --record-file}: ids PREFIX0…, event times in the last hours. */
    private Path putFile(String prefix, int n) throws IOException {
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.HOURS);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"customer_id\":\"").append(prefix).append(i).append("\",\"event_time\":\"")
                    .append(base.plusSeconds(i)).append("\",\"age\":\"").append(i).append("\",\"score\":\"0.5\"}\n");
        }
        Path file = workspace.resolve(prefix + ".jsonl");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    private Path csvFile(String prefix, int n) throws IOException {
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.HOURS);
        StringBuilder sb = new StringBuilder("customer_id,event_time,age,score\n");
        for (int i = 0; i < n; i++) {
            sb.append(prefix).append(i).append(',').append(base.plusSeconds(i)).append(',').append(i).append(",0.25\n");
        }
        Path file = workspace.resolve(prefix + ".csv");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    private Process startCli(String name, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(Main.class.getName(), "--workspace", workspace.toString()));
        args.addAll(List.of(command));
        return start(args, name);
    }

    private Process start(List<String> mainAndArgs, String name) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(mainAndArgs);
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(workspace.resolve(name + ".out").toFile()).start();
    }

    private void finish(Process p) throws Exception {
        String name = p.info().arguments().map(a -> String.join(" ", a)).orElse("child");
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("a child hung on the shared workspace: " + name);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("a child failed: " + outputs());
        }
    }

    private String logs() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(workspace.resolve("logs"))) {
            for (Path log : files.toList()) {
                sb.append(Files.readString(log, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    private String outputs() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(workspace)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".out")).toList()) {
                sb.append("--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        return sb.toString();
    }
}
