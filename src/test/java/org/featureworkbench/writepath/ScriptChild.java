package org.featureworkbench.writepath;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A running {@link WorkspaceScriptChild} JVM whose output lines are collected as they come. */
final class ScriptChild {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();

    private ScriptChild(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    fresh.add(line);
                }
            } catch (IOException ignored) {
                // the child ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    static ScriptChild start(Path workspace, String... steps) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                WorkspaceScriptChild.class.getName(),
                workspace.toString()));
        command.addAll(List.of(steps));
        return new ScriptChild(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** The first line (seen so far or coming) that matches. */
    String await(java.util.function.Predicate<String> matching) throws InterruptedException {
        synchronized (lines) {
            for (String line : lines) {
                if (matching.test(line)) {
                    return line;
                }
            }
        }
        while (true) {
            String line = fresh.poll(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("child never printed the expected line:\n" + output());
            }
            if (matching.test(line)) {
                return line;
            }
        }
    }

    void awaitExit() throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child hung:\n" + output());
        }
        Thread.sleep(50); // let the reader take the last lines
    }

    boolean saw(String line) {
        synchronized (lines) {
            return lines.contains(line);
        }
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }
}
