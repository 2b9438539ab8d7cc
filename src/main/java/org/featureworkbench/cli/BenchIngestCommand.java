package org.featureworkbench.cli;

import java.util.concurrent.Callable;
import org.featureworkbench.bench.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bench ingest}: batch ingest throughput against DuckDB COPY and a raw H2 insert. */
@Command(name = "ingest", header = "Batch ingest of a generated CSV into both stores vs DuckDB and raw H2.", description = {"Batch ingest of a generated CSV (12 columns, 200k distinct ids, 30 days of",
        "event times) into both stores, offline alone vs DuckDB COPY, online vs a raw H2 insert, peak heap.",
        "Run it as: java -Xmx512m -jar target/feature-workbench.jar bench ingest"})
final class BenchIngestCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows in the generated file (default ${DEFAULT-VALUE}).")
    int rows;

    @Override
    public Integer call() throws Exception {
        return new IngestBenchmark(rows, bench.root.context().out()).run();
    }
}
