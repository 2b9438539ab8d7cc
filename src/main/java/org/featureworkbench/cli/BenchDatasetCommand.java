package org.featureworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.featureworkbench.bench.DatasetBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bench dataset}: point-in-time datasets by the builder, a hand-written DuckDB ASOF join and pandas. */
@Command(name = "dataset", description = {"A point-in-time training dataset built three ways; outputs checked equal, peak heap.",
        "1M base rows x 3 groups x 2M history rows (written by our ingest), built by the dataset builder,",
        "by a hand-written DuckDB ASOF LEFT JOIN over the same hour files, and by pandas merge_asof",
        "(Debian's python3-pandas, installed when missing).",
        "Run it as: java -Xmx512m -jar target/feature-workbench.jar bench dataset"})
final class BenchDatasetCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--base-rows", defaultValue = "1000000", paramLabel = "N",
            description = "Rows of the base (entity) CSV (default ${DEFAULT-VALUE}).")
    long baseRows;

    @Option(names = "--history-rows", defaultValue = "2000000", paramLabel = "N",
            description = "History rows of each of the 3 groups (default ${DEFAULT-VALUE}).")
    long historyRows;

    @Option(names = "--ids", defaultValue = "200000", paramLabel = "N",
            description = "Distinct record ids of the groups (default ${DEFAULT-VALUE}).")
    int ids;

    @Option(names = "--reuse", paramLabel = "DIR", description = {"Build the data in DIR and keep it; a later run with",
            "the same sizes reuses it (default: a temporary folder, deleted at the end)."})
    Path reuse;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N",
            description = "Measured runs per side, after one warm-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--no-pandas", description = "Skip the pandas side (and its install).")
    boolean noPandas;

    @Override
    public Integer call() throws Exception {
        if (baseRows < 1 || historyRows < 1 || ids < 1 || runs < 1) {
            throw new IllegalArgumentException("--base-rows, --history-rows, --ids and --runs must be at least 1");
        }
        return new DatasetBenchmark(baseRows, historyRows, ids, reuse, runs, !noPandas, bench.root.context().out()).run();
    }
}
