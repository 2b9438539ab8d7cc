package org.featureworkbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code group SUBCOMMAND}: the feature group catalog (SageMaker's control plane). */
@Command(name = "group", description = "Create, inspect, change and delete feature groups.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CreateCommand.class, ListCommand.class, DescribeCommand.class, SearchCommand.class,
                AddFeaturesCommand.class, UpdateCommand.class, MetadataCommand.class, TagCommand.class,
                ExportCommand.class, DeleteCommand.class})
final class GroupCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
