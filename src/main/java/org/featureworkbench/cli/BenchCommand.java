package org.featureworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.featureworkbench.bench.OnlineBenchmark;
import org.featureworkbench.bench.ProcessesBenchmark;
import org.featureworkbench.bench.StartupBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bench …}: the performance benchmarks whose numbers are in docs/benchmarks.md. */
@Command(name = "bench", description = "Run a benchmark (numbers go to docs/benchmarks.md).",
        subcommands = {BenchCommand.Startup.class, BenchCommand.Online.class, BenchIngestCommand.class,
            BenchQueryCommand.class, BenchDatasetCommand.class, BenchCommand.Processes.class},
        synopsisSubcommandLabel = "COMMAND")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        root.context().out().println("choose a benchmark: bench startup, bench online, bench ingest, bench query, bench dataset or bench processes (see bench --help)");
        return 2;
    }

    /** {@code bench startup}. */
    @Command(name = "startup", header = "Cold-start time of 'group list' and of the first window.", description = {"Cold-start time of 'group list' and of the first window,",
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

    /** {@code bench online}. */
    @Command(name = "online", header = "GetRecord latency, PutRecord throughput and journal flush vs raw engines.", description = {"GetRecord latency against a raw H2 lookup, durable PutRecord throughput",
            "(1 and 4 threads) and journal flush against a raw Parquet writer, on a 20-feature group."})
    static final class Online implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @ParentCommand
        BenchCommand bench;

        @Option(names = "--records", defaultValue = "100000", paramLabel = "N",
                description = "Records put (twice: 1 thread, then 4) (default ${DEFAULT-VALUE}).")
        int records;

        @Option(names = "--lookups", defaultValue = "200000", paramLabel = "N",
                description = "Measured GetRecord lookups per side (default ${DEFAULT-VALUE}).")
        int lookups;

        @Option(names = "--lookups-only", description = {"Only the GetRecord phase, on a table filled by ingest",
                "(same records and versions, written in batches): a fast loop for read-path work."})
        boolean lookupsOnly;

        @Override
        public Integer call() throws Exception {
            return new OnlineBenchmark(records, lookups, lookupsOnly, bench.root.context().out()).run();
        }
    }

    /** {@code bench processes}. */
    @Command(name = "processes", header = "PutRecord throughput of 1 and 4 writer processes; hand-over waits.", description = {"PutRecord throughput of 1 and of 4 writer processes on one workspace,",
            "and the longest put of a writer while the process serving the database exits (cleanly, killed)."})
    static final class Processes implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @ParentCommand
        BenchCommand bench;

        @Option(names = "--records", defaultValue = "5000", paramLabel = "N",
                description = "PutRecords per writer process (default ${DEFAULT-VALUE}).")
        int records;

        @Option(names = "--runs", defaultValue = "1", paramLabel = "N",
                description = "Repetitions of each measurement (default ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() throws Exception {
            return new ProcessesBenchmark(records, runs, bench.root.context().out()).run();
        }
    }
}
