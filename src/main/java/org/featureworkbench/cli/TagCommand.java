package org.featureworkbench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code group tag}: SageMaker's AddTags / DeleteTags / ListTags for one group. */
@Command(name = "tag", description = {"Add, overwrite or remove tags of a group; with no changes, show its tags.",
        "Example: group tag customers team=risk tier=gold --remove owner"})
final class TagCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Feature group name.")
    String name;

    @Parameters(index = "1..*", paramLabel = "K=V", description = "Tags to add or overwrite.")
    Map<String, String> additions = new LinkedHashMap<>();

    @Option(names = "--remove", paramLabel = "K", description = "Remove the tag with key K (applied first). Repeatable.")
    List<String> removals = new ArrayList<>();

    @Override
    protected void run(FeatureStore store) {
        FeatureGroup group = additions.isEmpty() && removals.isEmpty()
                ? store.describeFeatureGroup(name)
                : store.updateTags(name, additions, removals);
        if (group.definition().tags().isEmpty()) {
            out().println(group.name() + " has no tags.");
        } else {
            TextTable table = new TextTable("KEY", "VALUE");
            group.definition().tags().forEach(table::row);
            out().print(table.render(""));
        }
    }
}
