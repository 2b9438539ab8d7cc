package org.featureworkbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.featureworkbench.json.JsonFixtures;
import org.featureworkbench.workspace.Workspace;

/** Runs the CLI in-process on one workspace folder, capturing exit code, stdout and stderr. */
final class CliRunner {
    /** What one command line produced. */
    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    final Path workspace;
    final Path files;
    final List<Path> guiLaunches = new ArrayList<>();

    /** Workspace and input files both live under {@code tempDir}, so JUnit cleans up everything. */
    CliRunner(Path tempDir) {
        this.workspace = tempDir.resolve("workspace");
        this.files = tempDir.resolve("files");
    }

    /** Runs {@code --workspace <workspace> args…}. */
    Result run(String... args) {
        return runWatchingStderr(soFar -> { }, args);
    }

    /** {@link #run}, telling {@code onStderr} the standard error so far after each write to it. */
    Result runWatchingStderr(Consumer<String> onStderr, String... args) {
        String[] withWorkspace = new String[args.length + 2];
        withWorkspace[0] = "--workspace";
        withWorkspace[1] = workspace.toString();
        System.arraycopy(args, 0, withWorkspace, 2, args.length);
        return runRaw(onStderr, withWorkspace);
    }

    /** Runs exactly {@code args}. */
    Result runRaw(String... args) {
        return runRaw(soFar -> { }, args);
    }

    private Result runRaw(Consumer<String> onStderr, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                onStderr.accept(toString(StandardCharsets.UTF_8));
            }
        };
        int code = new Cli(Workspace::open, guiLaunches::add).execute(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Copies a fixture from src/test/resources/json/ (or writes {@code text}) to a file and returns it. */
    Path file(String name, String text) {
        try {
            Path file = files.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text == null ? JsonFixtures.text(name) : text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The customers group through options: both stores, 7-day TTL, tag team=risk. */
    Result createCustomers() {
        return run("group", "create", "--name", "customers", "--record-id", "customer_id",
                "--event-time", "event_time", "--feature", "customer_id:String", "--feature", "event_time:String",
                "--feature", "age:Integral", "--feature", "score:Fractional", "--description", "Customer profile",
                "--tag", "team=risk", "--ttl", "7d");
    }
}
