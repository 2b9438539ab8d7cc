package org.featureworkbench.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.featureworkbench.core.FeatureStore;

/** What every command needs from the outside: its streams, how to open a store, how to start the GUI. */
record CliContext(PrintStream out, PrintStream err, Function<Path, FeatureStore> storeOpener,
                  Consumer<Path> guiLauncher) {

    /** Prints a note on stderr: something the user should know that is no problem. */
    void note(String message) {
        err.println("note: " + Cli.oneLine(message));
    }

    /** Prints a warning line on stderr, e.g. for a cloud-only field that was ignored. */
    void warn(String message) {
        err.println("warning: " + Cli.oneLine(message));
    }
}
