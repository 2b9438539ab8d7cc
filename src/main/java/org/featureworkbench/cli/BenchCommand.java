package org.featureworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.featureworkbench.bench.StartupBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bench …}: the performance benchmarks whose numbers are in docs/benchmarks.md. */
@Command(name = "bench", description = "Run a benchmark (numbers go to docs/benchmarks.md).",
        subcommands = {BenchCommand.Startup.class, BenchIngestCommand.class}, synopsisSubcommandLabel = "COMMAND")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        root.context().out().println("choose a benchmark: bench startup, bench ingest (see bench --help)");
        return 2;
    }

    /** {@code bench startup}. */
    @Command(name = "startup", description = {"Cold-start time of 'group list' and of the first window,",
            "each in a fresh JVM, against a bare JVM start. The first window needs a display (Xvfb)."})
    static final class Startup implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @ParentCommand
        BenchCommand bench;

        @Option(names = "--runs", defaultValue = "7", description = "Fresh JVMs per measurement (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--jar", defaultValue = "target/feature-workbench.jar", paramLabel = "FILE",
                description = "The jar to start (default ${DEFAULT-VALUE}).")
        Path jar;

        @Override
        public Integer call() throws Exception {
            return new StartupBenchmark(jar, runs, bench.root.context().out()).run();
        }
    }
}
