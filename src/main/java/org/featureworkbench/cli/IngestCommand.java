package org.featureworkbench.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.FileOptions;
import org.featureworkbench.core.InferOptions;
import org.featureworkbench.core.InferredGroup;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.core.IngestJob;
import org.featureworkbench.core.IngestSummary;
import org.featureworkbench.core.NewColumns;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.TargetStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ingest GROUP FILE}: a batch ingest of a CSV, Parquet or JSON Lines file (issue 4). */
@Command(name = "ingest", sortOptions = false,
        description = {"Ingest a CSV, Parquet or JSON Lines file into a feature group's stores.",
                "Offline: every row, in hourly Parquet files. Online: the newest row per id, if newer than stored.",
                "Rows that cannot be stored go to a rejects CSV (line, reason, original text) and are counted."},
        footer = {"", "Examples:",
                "  ingest customers customers.csv",
                "  ingest customers customers.csv --create --stamp-event-time",
                "  ingest orders orders.parquet --target offline --on-error fail",
                "  ingest customers customers_updated.csv --add-new-columns",
                "  ingest --resume 20261203T221500Z-AbC123",
                "  ingest --resume orders.parquet"})
final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "GROUP",
            description = "The feature group (created with --create).")
    String group;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "The CSV, Parquet or JSON Lines file.")
    Path file;

    @Option(names = "--resume", paramLabel = "JOB|FILE",
            description = "Continue an ingest that did not finish (see 'jobs'), by its job id or its file, without "
                    + "storing its already stored rows again.")
    String resume;

    @Mixin
    SourceFileOptions source;

    @Option(names = "--target", paramLabel = "STORES",
            description = "online, offline or online,offline (default: every store the group has).")
    String target;

    @Option(names = "--create", description = "Create GROUP from the file's inferred schema (see 'infer').")
    boolean create;

    @Option(names = "--record-id", paramLabel = "C", description = "With --create: the record identifier column.")
    String recordId;

    @Option(names = "--event-time", paramLabel = "C", description = "With --create: the event time column.")
    String eventTime;

    @Option(names = "--stamp-event-time",
            description = "Stamp every row with the ingest time as its event time (for files without one).")
    boolean stamp;

    @Option(names = "--add-new-columns",
            description = "First add the file's columns the group lacks as features (types inferred), so they are "
                    + "kept, as UpdateFeatureGroup's FeatureAdditions would.")
    boolean addNewColumns;

    @Option(names = "--on-error", paramLabel = "skip|fail", defaultValue = "skip",
            description = "skip: reject bad rows and store the rest (default); fail: store nothing if any row is bad.")
    String onError;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Rejects CSV (default: <workspace>/exports/rejects/<job id>.csv, written only when needed).")
    Path rejects;

    @Override
    public Integer call() {
        if (resume != null) {
            return resume();
        }
        if (group == null || file == null) {
            throw new ParameterException(spec.commandLine(), "name the GROUP and the FILE to ingest, or continue an "
                    + "interrupted ingest with --resume JOB");
        }
        if (!create && (recordId != null || eventTime != null)) {
            throw new ParameterException(spec.commandLine(), "--record-id and --event-time choose the columns of a new "
                    + "group; add --create, or drop them to ingest into the existing group");
        }
        if (create && addNewColumns) {
            throw new ParameterException(spec.commandLine(), "--add-new-columns adds columns to an existing group; "
                    + "--create already makes a feature of every column");
        }
        if (eventTime != null && stamp) {
            throw new ParameterException(spec.commandLine(), "--event-time and --stamp-event-time exclude each other");
        }
        IngestRequest.OnError policy = switch (onError.trim().toLowerCase(Locale.ROOT)) {
            case "skip" -> IngestRequest.OnError.SKIP;
            case "fail" -> IngestRequest.OnError.FAIL;
            default -> throw new ParameterException(spec.commandLine(), "--on-error must be skip or fail, not '"
                    + onError + "'");
        };
        FileOptions fileOptions = source.toFileOptions();
        Set<TargetStore> targets = target == null ? Set.of() : TargetStore.parseList(target, "--target");
        IngestRequest request = IngestRequest.of(group, file).withFileOptions(fileOptions).withTargets(targets)
                .withOnError(policy).withRejectsFile(rejects).withStampEventTime(stamp);
        CliContext context = root.context();
        try (FeatureStore store = root.openStore()) {
            if (create) {
                InferredGroup inferred = store.ingest().infer(file, fileOptions,
                        new InferOptions(group, recordId, eventTime, stamp));
                inferred.notes().forEach(n -> context.err().println("note: " + Cli.oneLine(n)));
                requireKeys(inferred);
                request = request.withNewGroup(inferred);
            }
            if (addNewColumns) {
                addNewColumns(store, fileOptions, context);
            }
            IngestSummary summary = runTellingWaits(store, store.ingest().submit(request), context);
            summary.notes().forEach(n -> context.err().println("note: " + Cli.oneLine(n)));
            context.out().println(IngestText.summaryLine(summary));
            if (!summary.ignoredColumns().isEmpty() && !addNewColumns) {
                hintNewColumns(store, fileOptions, context);
            }
        }
        return 0;
    }

    private void addNewColumns(FeatureStore store, FileOptions fileOptions, CliContext context) {
        NewColumns columns = store.ingest().addNewColumnsAsFeatures(group, file, fileOptions, stamp);
        if (columns.features().isEmpty()) {
            context.err().println("note: " + (columns.isEmpty() ? "every column of the file is already a feature of "
                    + group + "; nothing to add" : "no column can be added as it is named"));
        } else {
            context.err().println("note: added " + columns.features().size() + " feature"
                    + (columns.features().size() == 1 ? "" : "s") + " to " + group + ": " + columns.describe()
                    + "; it now has " + store.describeFeatureGroup(group).features().size() + " features");
        }
        renamedNote(columns, context);
    }

    /** After an ingest that skipped columns: what would keep them next time. */
    private void hintNewColumns(FeatureStore store, FileOptions fileOptions, CliContext context) {
        NewColumns columns;
        try {
            columns = store.ingest().newColumns(group, file, fileOptions);
        } catch (FeatureStoreException e) {
            // Only advice: a file inference cannot read (no rows, say) was still ingested as it was.
            return;
        }
        if (!columns.features().isEmpty()) {
            context.err().println("note: to keep " + (columns.features().size() == 1 ? "that column" : "those columns")
                    + ", add " + (columns.features().size() == 1 ? "it as a feature" : "them as features") + " ("
                    + columns.describe() + ") and ingest the file again with --add-new-columns");
        }
        renamedNote(columns, context);
    }

    private static void renamedNote(NewColumns columns, CliContext context) {
        columns.renameAdvice().forEach(advice -> context.err().println("note: " + advice));
    }

    private int resume() {
        if (group != null || create || addNewColumns || target != null || stamp || rejects != null || recordId != null
                || eventTime != null || !"skip".equals(onError) || !FileOptions.DETECT.equals(source.toFileOptions())) {
            throw new ParameterException(spec.commandLine(), "--resume continues an ingest with the group, file and "
                    + "options it started with; give only --resume JOB (or --resume FILE)");
        }
        CliContext context = root.context();
        try (FeatureStore store = root.openStore(false)) {
            IngestSummary summary = runTellingWaits(store, store.ingest().submitResume(resume), context);
            summary.notes().forEach(n -> context.err().println("note: " + Cli.oneLine(n)));
            context.out().println("Resumed. " + IngestText.summaryLine(summary));
        }
        return 0;
    }

    /** Runs the job, printing on stderr when it waits (e.g. for features being added to its group). */
    private static IngestSummary runTellingWaits(FeatureStore store, IngestJob job, CliContext context) {
        // Only this job's notices: the database hand-over's are printed where they are raised.
        AutoCloseable notices = store.onWaitNotice(message -> {
            if (message.startsWith("ingest " + job.id() + " ")) {
                context.err().println("note: " + Cli.oneLine(message));
            }
        });
        try {
            return store.ingest().run(job, null);
        } finally {
            try {
                notices.close();
            } catch (Exception e) {
                // removing a listener cannot fail in a way that matters here
            }
        }
    }

    private void requireKeys(InferredGroup inferred) {
        if (inferred.definition().recordIdentifierFeatureName() == null) {
            throw new FeatureStoreException("cannot create '" + group + "': no column of " + file.getFileName()
                    + " looks like a record identifier (present and unique in every sampled row); name one with"
                    + " --record-id COLUMN");
        }
        if (inferred.definition().eventTimeFeatureName() == null) {
            throw new FeatureStoreException("cannot create '" + group + "': no column of " + file.getFileName()
                    + " looks like an event time; name one with --event-time COLUMN, or stamp the ingest time with"
                    + " --stamp-event-time");
        }
    }
}
