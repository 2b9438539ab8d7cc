package org.featureworkbench.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who a process on the workspace is: its pid, when it started and its command line. Each
 * process writes one beside its journal lock ({@code journal/<id>.info}) and removes it with the
 * journal, so a process that has to wait can say for which processes and commands (ADR 0016).
 * A file whose pid no longer runs (or runs a newer process) describes a process that died.
 */
public record ProcessInfo(long pid, Instant started, String command) {
    /** Suffix of the file beside a journal's lock. */
    public static final String SUFFIX = ".info";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** This process. */
    public static ProcessInfo current() {
        ProcessHandle self = ProcessHandle.current();
        Instant started = self.info().startInstant().orElse(Instant.now());
        return new ProcessInfo(self.pid(), started, commandOf(System.getProperty("sun.java.command", "java")));
    }

    /** Writes this process's file. */
    public void writeTo(Path file) throws IOException {
        Files.writeString(file, pid + "\n" + started.toEpochMilli() + "\n" + command + "\n", StandardCharsets.UTF_8);
    }

    /** Reads a file {@link #writeTo} wrote; null when it is gone or torn. */
    public static ProcessInfo read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 3) {
                return null;
            }
            return new ProcessInfo(Long.parseLong(lines.get(0)), Instant.ofEpochMilli(Long.parseLong(lines.get(1))),
                    lines.get(2));
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** Every process with a file under {@code <workspace>/journal} that still runs, except this one. */
    public static List<ProcessInfo> others(Path workspace) {
        return live(workspace, false);
    }

    /**
     * Whether any running process — this one included (another store it opened) — has the
     * workspace open: then files being written may lie anywhere in it, and nothing may be cleaned
     * up as abandoned.
     */
    public static boolean anyOpen(Path workspace) {
        return !live(workspace, true).isEmpty();
    }

    private static List<ProcessInfo> live(Path workspace, boolean includeSelf) {
        Path root = workspace.resolve("journal");
        List<ProcessInfo> alive = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return alive;
        }
        long self = ProcessHandle.current().pid();
        try (Stream<Path> files = Files.list(root)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                ProcessInfo info = read(f);
                if (info != null && (includeSelf || info.pid != self) && info.alive()) {
                    alive.add(info);
                }
            }
        } catch (IOException e) {
            // Only used to explain a wait: no list is better than a failed command.
        }
        return alive;
    }

    /** Whether the process still runs (the same pid started at the same time). */
    public boolean alive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> h.info().startInstant().map(s -> Math.abs(s.toEpochMilli() - started.toEpochMilli()) < 2000)
                        .orElse(true))
                .orElse(false);
    }

    /** "process 1234 (put --record-file a.jsonl, started 22:41:03)". */
    public String describe() {
        return "process " + pid + " (" + command + ", started " + CLOCK.format(started) + ")";
    }

    /** The command without the jar or main class: what the user typed after the program name. */
    static String commandOf(String javaCommand) {
        String trimmed = javaCommand.strip();
        int space = trimmed.indexOf(' ');
        String args = space < 0 ? "" : trimmed.substring(space + 1).strip();
        String program = space < 0 ? trimmed : trimmed.substring(0, space);
        boolean ours = program.endsWith(".jar") || program.startsWith("org.featureworkbench");
        String shown = ours ? (args.isEmpty() ? "GUI" : args) : trimmed;
        return shown.length() > 120 ? shown.substring(0, 117) + "..." : shown;
    }
}
