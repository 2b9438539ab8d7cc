package org.featureworkbench.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.health.DamagedDatabaseException;
import org.featureworkbench.health.DatabaseDamage;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;
import org.featureworkbench.model.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The command line: {@code [--workspace DIR] COMMAND …}, or the GUI when no command is given.
 *
 * <p>Exit codes: 0 success; 1 a validation or runtime error, printed as one line
 * {@code error: <message>} on stderr (the stack trace goes to the workspace log); 2 a usage error,
 * printed as picocli's message and a hint to {@code --help}. Never calls {@link System#exit}, so
 * tests run it in-process. Not thread-safe: one {@link #execute} at a time per instance.
 */
public final class Cli {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    /** Wide enough that option descriptions and examples stay on one line each in a normal terminal. */
    private static final int HELP_WIDTH = 100;

    private final Function<Path, FeatureStore> storeOpener;
    private final Consumer<Path> guiLauncher;

    /**
     * @param storeOpener opens the workspace in a folder (in the app: {@code Workspace::open})
     * @param guiLauncher opens the GUI on a workspace folder when no command is given
     */
    public Cli(Function<Path, FeatureStore> storeOpener, Consumer<Path> guiLauncher) {
        this.storeOpener = storeOpener;
        this.guiLauncher = guiLauncher;
    }

    /** Runs one command line and returns its exit code. */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        RootCommand root = new RootCommand(new CliContext(out, err, storeOpener, guiLauncher));
        CommandLine commandLine = new CommandLine(root)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler((e, ignored) -> usageError(e, err))
                .setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, err))
                .setUsageHelpWidth(HELP_WIDTH);
        withoutHeaderSections(commandLine);
        // SQL often starts with a "-- comment" line: it is the statement, not an unknown option.
        // (dataset's --base takes one as its value already.)
        commandLine.getSubcommands().get("query").setUnmatchedOptionsArePositionalParams(true);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * A command's {@code header} is its one-sentence summary in its parent's command list; its own
     * help starts at "Usage:" and says the same in full in the description, so the header is not
     * printed there again.
     */
    private static void withoutHeaderSections(CommandLine command) {
        java.util.List<String> keys = new java.util.ArrayList<>(command.getHelpSectionKeys());
        keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
        keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
        command.setHelpSectionKeys(keys);
        command.getSubcommands().values().forEach(Cli::withoutHeaderSections);
    }

    private static int usageError(CommandLine.ParameterException e, PrintStream err) {
        err.println("error: " + oneLine(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        return CommandLine.ExitCode.USAGE;
    }

    private static int failure(Exception e, PrintStream err) {
        if (e instanceof ValidationException) {
            // The user's input was wrong; the message says everything, a stack trace adds nothing.
            LOG.info("Command rejected: {}", e.getMessage());
        } else if (e instanceof FeatureStoreException) {
            LOG.warn("Command failed", e);
        } else {
            LOG.error("Command failed unexpectedly", e);
        }
        err.println("error: " + oneLine(message(e)));
        return CommandLine.ExitCode.SOFTWARE;
    }

    private static String message(Throwable e) {
        if (DatabaseDamage.isDamage(e) && !(e instanceof DamagedDatabaseException)) {
            // Never the storage engine's own words: say the file is damaged and what to run.
            return DatabaseDamage.userMessage(e);
        }
        String message = e.getMessage();
        Throwable cause = e.getCause();
        // new UncheckedIOException(cause) takes the cause's toString() as its message: a class name.
        if (cause != null && message != null && message.equals(cause.toString())) {
            return IoProblems.reason(cause);
        }
        if (message == null || message.isBlank()) {
            return e instanceof java.io.IOException ? IoProblems.reason(e)
                    : "an internal error with no description (a bug; the details are in the workspace's logs folder)";
        }
        // Wrappers such as UncheckedIOException say what failed; the cause says why.
        if (!(e instanceof FeatureStoreException) && cause != null && cause.getMessage() != null) {
            String why = cause instanceof java.io.IOException ? IoProblems.reason(cause) : cause.getMessage();
            return message.contains(why) ? message : message + ": " + why;
        }
        return message;
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
