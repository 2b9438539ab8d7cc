package org.featureworkbench.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.featureworkbench.core.FeatureStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A top-level command on records (SageMaker's featurestore-runtime: put, get, batch-get, delete)
 * or on the offline store (flush, compact). Like {@link StoreCommand}: {@link #prepare()} checks
 * input that needs no store first, so bad input fails before the workspace is opened; then
 * {@link #run(FeatureStore)} runs with a store that is always closed afterwards.
 */
abstract class RecordCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        prepare();
        try (FeatureStore store = root.openStore()) {
            run(store);
        }
        return 0;
    }

    /** Checks and reads input that needs no store; throws to stop before the workspace opens. */
    protected void prepare() {
    }

    protected abstract void run(FeatureStore store);

    protected PrintStream out() {
        return root.context().out();
    }

    /** Prints a wait the command has to make (e.g. for features being added to its group) on stderr. */
    protected void noteWait(String message) {
        root.context().err().println("note: " + Cli.oneLine(message));
    }
}
