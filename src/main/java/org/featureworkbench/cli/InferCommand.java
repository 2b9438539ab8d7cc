package org.featureworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.InferOptions;
import org.featureworkbench.core.InferredGroup;
import org.featureworkbench.json.CreateFeatureGroupJson;
import org.featureworkbench.model.NameRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code infer FILE}: the feature group an ingest with --create would make of a file. */
@Command(name = "infer", header = "Infer a feature group from a file's first 10,000 rows.", sortOptions = false,
        description = {"Infer a feature group from a file's first 10,000 rows (types, record id, event time).",
                "Prints the CreateFeatureGroup JSON with --json, else a table; notes on the choices go to stderr."},
        footer = {"", "Examples:",
                "  infer customers.csv",
                "  infer customers.csv --json --stamp-event-time > customers.json",
                "  group create --file customers.json"})
final class InferCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV, Parquet or JSON Lines file.")
    Path file;

    @Option(names = "--json", description = "Print the CreateFeatureGroup request JSON.")
    boolean json;

    @Mixin
    SourceFileOptions source;

    @Option(names = "--name", paramLabel = "N", description = "Group name (default: from the file name).")
    String name;

    @Option(names = "--record-id", paramLabel = "C", description = "The record identifier column (default: suggested).")
    String recordId;

    @Option(names = "--event-time", paramLabel = "C", description = "The event time column (default: suggested).")
    String eventTime;

    @Option(names = "--stamp-event-time", description = "Add an EventTime feature stamped with the ingest time.")
    boolean stamp;

    @Override
    public Integer call() {
        CliContext context = root.context();
        if (name != null) {
            NameRules.checkGroupNameSuggesting(name, "--name");
        }
        InferredGroup inferred;
        var fileOptions = source.toFileOptions();
        try (FeatureStore store = root.openStore()) {
            inferred = store.ingest().infer(file, fileOptions, new InferOptions(name, recordId, eventTime, stamp));
        }
        inferred.notes().forEach(n -> context.err().println("note: " + Cli.oneLine(n)));
        if (json) {
            context.out().println(CreateFeatureGroupJson.write(inferred.definition()));
            return 0;
        }
        TextTable table = new TextTable("FEATURE", "TYPE", "COLUMN", "SAMPLED", "UNIQUE");
        for (InferredGroup.Column c : inferred.columns()) {
            table.row(c.featureName(), c.type().awsName(), c.column(), Long.toString(c.nonEmpty()), c.unique() ? "yes" : "");
        }
        if (inferred.stampedEventTime() != null) {
            table.row(inferred.stampedEventTime(), "Fractional", "(ingest time)", "", "");
        }
        context.out().println("Group " + inferred.definition().name() + " from " + inferred.sampledRows()
                + " sampled rows; " + IngestText.keys(inferred.definition()));
        context.out().print(table.render(""));
        return 0;
    }
}
