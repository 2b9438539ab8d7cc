package org.featureworkbench.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.query.ExportFormat;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code query "SQL"}: DuckDB SQL over every version in the offline store (read-only). */
@Command(name = "query", description = {"Run a read-only DuckDB query over the offline store.",
        "Each feature group is a table named like the group (every version: features, write_time,",
        "api_invocation_time, is_deleted) and <group>_latest holds each record's state now.",
        "Example: query 'SELECT city, count(*) FROM customers_latest GROUP BY city'"})
final class QueryCommand extends RecordCommand {
    @Parameters(paramLabel = "SQL", description = "One SELECT statement (FROM, WITH, VALUES, DESCRIBE, SUMMARIZE too).")
    String sql;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            converter = QueryArguments.OutputFormatConverter.class, description = "Output format (default: table).")
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the result to FILE instead (.parquet: Parquet, else CSV; the name must not say another format).")
    Path out;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows (0, the default: all).")
    long limit;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = QueryArguments.DurationConverter.class,
            description = "Stop the query after this long, a number with its unit: 500ms, 30s, 5m or 1h (default: no limit).")
    Duration timeout;

    /** The --out file's format, chosen in prepare(). */
    private ExportFormat fileFormat;

    @Override
    protected void prepare() {
        if (sql.matches("--?[A-Za-z][A-Za-z-]*(=.*)?")) {
            // One word that looks like an option (options unknown to picocli reach here as the SQL).
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Unknown option: '" + sql + "'");
        }
        if (out != null) {
            // --format chooses how the result is printed; a file's format comes from its extension.
            String asked = spec.commandLine().getParseResult().hasMatchedOption("--format") ? format : null;
            try {
                if ("table".equals(asked) || "json".equals(asked)) {
                    throw new org.featureworkbench.model.ValidationException("--format", asked + " is how a result is "
                            + "printed on the screen; a file given with --out is CSV or Parquet, chosen by its extension,"
                            + " so leave --format out");
                }
                fileFormat = ExportFormat.choose(asked, out, "--format", "--out");
            } catch (org.featureworkbench.model.ValidationException e) {
                throw OptionNames.usageError(spec, e);
            }
        }
        if (limit < 0) {
            throw OptionNames.usageError(spec, new org.featureworkbench.model.ValidationException("--limit",
                    "must be 0 (no limit) or more, not " + limit));
        }
    }

    @Override
    protected void run(FeatureStore store) {
        QueryCancellation cancellation = new QueryCancellation();
        if (out != null) {
            String statement = limit > 0 ? "SELECT * FROM (" + store.query().validate(sql) + "\n) LIMIT " + limit : sql;
            long rows = store.query().export(statement, out, fileFormat, cancellation);
            out().println("Wrote " + rows + (rows == 1 ? " row" : " rows") + " to " + out.toAbsolutePath());
            return;
        }
        ResultPrinter printer = ResultPrinter.of(format, out());
        try {
            store.query().stream(sql, new QueryOptions(limit, timeout), cancellation, printer);
        } catch (RuntimeException e) {
            printer.flushLines();
            throw e;
        }
        printer.finish();
    }
}
