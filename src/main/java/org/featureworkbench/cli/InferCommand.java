package org.featureworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.InferOptions;
import org.featureworkbench.core.InferredGroup;
import org.featureworkbench.json.CreateFeatureGroupJson;
import org.featureworkbench.model.NameRules;
import org.featureworkbench.model.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code infer FILE}: the feature group an ingest with --create would make of a file. */
@Command(name = "infer", sortOptions = false,
        description = {"Infer a feature group from the first 10,000 rows of a file.",
                "It picks each feature's type, the record id and the event time (or say them with the options).",
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
            requireKeys(inferred);
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

    /**
     * A CreateFeatureGroup request needs both key features; printing null for one would give JSON
     * that neither 'group create' nor boto3 accepts, so say which option picks it instead.
     */
    private void requireKeys(InferredGroup inferred) {
        String columns = String.join(", ", inferred.columns().stream().map(InferredGroup.Column::featureName).toList());
        if (inferred.definition().recordIdentifierFeatureName() == null) {
            throw new ValidationException("--record-id", "no column of " + file.getFileName() + " can be the record "
                    + "identifier (none has a value in every sampled row and no repeats), and the CreateFeatureGroup "
                    + "request needs one; choose one with --record-id C (columns: " + columns + ")");
        }
        if (inferred.definition().eventTimeFeatureName() == null) {
            throw new ValidationException("--event-time", "no column of " + file.getFileName() + " is an event time, "
                    + "and the CreateFeatureGroup request needs one; choose one with --event-time C (columns: " + columns
                    + "), or add one stamped with the ingest time with --stamp-event-time");
        }
    }
}
