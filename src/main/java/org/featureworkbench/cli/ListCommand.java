package org.featureworkbench.cli;

import java.util.List;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.DescribeFeatureGroupJson;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.GroupListQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code group list}: SageMaker's ListFeatureGroups. */
@Command(name = "list", description = "List the feature groups of the workspace.")
final class ListCommand extends StoreCommand {
    @Option(names = "--name-contains", paramLabel = "S", description = "Only groups whose name contains S (ignoring case).")
    String nameContains;

    @Option(names = "--sort", paramLabel = "name|created", converter = Arguments.SortConverter.class,
            description = "Sort by name (default) or creation time.")
    GroupListQuery.SortBy sort = GroupListQuery.SortBy.NAME;

    @Option(names = "--desc", description = "Sort in descending order.")
    boolean descending;

    @Option(names = "--json", description = "Print the ListFeatureGroups response shape.")
    boolean json;

    @Override
    protected void run(FeatureStore store) {
        List<FeatureGroup> groups = store.listFeatureGroups(new GroupListQuery(nameContains, sort, descending));
        if (json) {
            out().print(DescribeFeatureGroupJson.writeSummaries(groups));
        } else if (!groups.isEmpty()) {
            out().print(GroupText.table(groups));
        } else if (nameContains != null && !nameContains.isEmpty()) {
            out().println("No feature group name contains '" + nameContains + "'.");
        } else {
            out().println("No feature groups in " + store.workspaceDirectory() + " yet; create one with "
                    + "'group create --file DEF.json' or 'group create --name …' (see 'group create --help').");
        }
    }
}
