package org.featureworkbench.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.featureworkbench.core.FeatureStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A {@code group} subcommand that works on the workspace's store: {@link #prepare()} checks and
 * reads its input first (so bad input fails before the workspace is touched), then
 * {@link #run(FeatureStore)} runs with a store that is always closed afterwards.
 */
abstract class StoreCommand implements Callable<Integer> {
    @ParentCommand
    GroupCommand group;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        prepare();
        try (FeatureStore store = group.root.openStore()) {
            run(store);
        }
        return 0;
    }

    /** Checks and reads input that needs no store; throws to stop before the workspace opens. */
    protected void prepare() {
    }

    protected abstract void run(FeatureStore store);

    protected PrintStream out() {
        return group.root.context().out();
    }

    protected CliContext context() {
        return group.root.context();
    }
}
