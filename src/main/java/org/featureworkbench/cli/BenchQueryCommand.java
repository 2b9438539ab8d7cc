package org.featureworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.featureworkbench.bench.QueryBenchExplore;
import org.featureworkbench.bench.QueryBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bench query}: the query engine against raw DuckDB on the same hour files and on one file. */
@Command(name = "query", header = "Typical queries on 10M rows through the engine vs raw DuckDB.", description = {"Five typical queries on a group of 10M rows over 90 days (written by our ingest)",
        "through the engine, raw DuckDB on the same hour files and raw DuckDB on one Parquet file; the copy's",
        "first load, statistics, opening the Explore page on 10 groups / 5,000 files, peak heap.",
        "Run it as: java -Xmx512m -jar target/feature-workbench.jar bench query"})
final class BenchQueryCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--rows", defaultValue = "10000000", paramLabel = "N",
            description = "Rows of the big group (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--reuse", paramLabel = "DIR", description = {"Build the data in DIR and keep it; a later run with",
            "the same --rows reuses it (default: a temporary folder, deleted at the end)."})
    Path reuse;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N",
            description = "Measured runs per query and side, after one warm-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--no-explore", description = "Skip the 10-group Explore page measurement.")
    boolean noExplore;

    @Option(names = "--explore-probe", hidden = true, paramLabel = "WORKSPACE",
            description = "Internal: the fresh-JVM side of the Explore page measurement.")
    Path exploreProbe;

    @Override
    public Integer call() throws Exception {
        if (exploreProbe != null) {
            return QueryBenchExplore.probe(exploreProbe, bench.root.context().out());
        }
        if (rows < 1 || runs < 1) {
            throw new IllegalArgumentException("--rows and --runs must be at least 1");
        }
        return new QueryBenchmark(rows, reuse, runs, !noExplore, bench.root.context().out()).run();
    }
}
