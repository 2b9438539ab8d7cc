package org.featureworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.health.Finding;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code feature-workbench [--workspace DIR] [COMMAND]}: with no command, opens the GUI. */
@Command(name = "feature-workbench",
        description = {"A local Amazon SageMaker Feature Store.",
                "With no command, opens the desktop workbench on the workspace."},
        subcommands = {GroupCommand.class, PutCommand.class, GetCommand.class, BatchGetCommand.class,
                DeleteRecordCommand.class, ListRecordsCommand.class, FlushCommand.class, CompactCommand.class, IngestCommand.class,
                InferCommand.class, QueryCommand.class, HistoryCommand.class, StatsCommand.class, DriftCommand.class,
                DataExportCommand.class, DatasetCommand.class, JobsCommand.class, CheckCommand.class,
                RepairCommand.class, BenchCommand.class, ServeCommand.class},
        synopsisSubcommandLabel = "[COMMAND]")
final class RootCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    HelpOption help;

    // INHERIT: the option also works after the command, e.g. 'group list --workspace DIR'.
    @Option(names = "--workspace", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Workspace folder (default: $FWB_WORKSPACE, else ~/.feature-workbench).")
    Path workspace;

    RootCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    Path workspaceDirectory() {
        if (workspace != null && workspace.toString().isBlank()) {
            // Path.of("") is the current folder: an unset shell variable would silently make one there.
            throw new ValidationException("--workspace", "the folder name is empty (an unset variable in"
                    + " '--workspace \"$VAR\"'?); give a folder, or leave the option out to use "
                    + Workspace.defaultDirectory());
        }
        return workspace != null ? workspace : Workspace.defaultDirectory();
    }

    /** Opens the workspace and warns on stderr when its quick check finds damage; the caller closes the store. */
    FeatureStore openStore() {
        return openStore(true);
    }

    /**
     * Opens the workspace, warning on stderr about damage its quick check finds and, unless the
     * command deals with them itself, about each interrupted ingest; the caller closes the store.
     */
    FeatureStore openStore(boolean warnInterruptedIngests) {
        FeatureStore store = openStoreQuietly();
        try {
            // query, export and dataset --out create a missing folder; the engine says so once.
            store.query().onOutputNote(context::note);
            store.health().atOpening().findings().stream().filter(Finding::isDamage)
                    .forEach(f -> context.warn(f.problem() + "; " + f.action()));
            if (warnInterruptedIngests) {
                store.ingest().interruptedJobs().forEach(j -> context.warn(JobsText.interrupted(j)));
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** Opens the workspace without the opening check's warnings (check and repair report it themselves). */
    FeatureStore openStoreQuietly() {
        return context.storeOpener().apply(workspaceDirectory());
    }

    @Override
    public Integer call() {
        context.guiLauncher().accept(workspaceDirectory());
        return 0;
    }
}
