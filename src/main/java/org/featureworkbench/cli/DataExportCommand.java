package org.featureworkbench.cli;

import java.nio.file.Path;
import java.time.Instant;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.query.ExportFormat;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.TimeTravel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export GROUP --out FILE}: a group's offline data (all history, as of a time, or latest) to a file. */
@Command(name = "export", description = {"Write a group's offline data to a CSV or Parquet file.",
        "Every version (default), what the store knew at a time (--as-of), or each record's latest state",
        "(--latest). For a query's result use 'query SQL --out FILE'."})
final class DataExportCommand extends RecordCommand {
    @Parameters(paramLabel = "GROUP", description = "Feature group name.")
    String group;

    @Option(names = "--out", paramLabel = "FILE", description = {"The file to write (replaced if it exists).",
            "Default: <workspace>/exports/<group>[-latest].csv (or .parquet with --format parquet)."})
    Path out;

    @Option(names = "--format", paramLabel = "csv|parquet",
            description = "File format (default: from the file name, .parquet → Parquet, else CSV).")
    String format;

    @Option(names = "--as-of", paramLabel = "T", converter = Arguments.InstantConverter.class,
            description = "Only rows the store had written by T (write_time <= T).")
    Instant asOf;

    @Option(names = "--latest", description = "Only each record's latest state (no deleted records).")
    boolean latest;

    private ExportFormat exportFormat;

    @Override
    protected void prepare() {
        try {
            exportFormat = ExportFormat.choose(format, out, "--format", "--out");
        } catch (org.featureworkbench.model.ValidationException e) {
            throw OptionNames.usageError(spec, e);
        }
    }

    @Override
    protected void run(FeatureStore store) {
        TimeTravel read = store.query().timeTravel(group).asOf(asOf);
        read = latest ? read.latest() : read.history().includeDeleted(true).includeDuplicates(true);
        Path target = out != null ? out : store.exportsDirectory().resolve(group + (latest ? "-latest" : "")
                + (asOf != null ? "-asof-" + asOf.toString().replace(":", "") : "") + "." + exportFormat.extension());
        long rows = store.query().export(read, target, exportFormat, new QueryCancellation());
        out().println("Exported " + rows + (rows == 1 ? " row" : " rows") + " of " + group
                + (latest ? " (latest state)" : " (every version)") + (asOf != null ? " as of " + asOf : "")
                + " to " + target.toAbsolutePath());
    }
}
