package org.featureworkbench.cli;

import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.DescribeFeatureGroupJson;
import org.featureworkbench.model.FeatureGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code group describe NAME}: SageMaker's DescribeFeatureGroup. */
@Command(name = "describe", description = "Show one feature group: stores, features, metadata and tags.")
final class DescribeCommand extends StoreCommand {
    @Parameters(paramLabel = "NAME", description = "Feature group name.")
    String name;

    @Option(names = "--json", description = "Print the DescribeFeatureGroup response shape (plus Tags and feature metadata).")
    boolean json;

    @Override
    protected void run(FeatureStore store) {
        FeatureGroup group = store.describeFeatureGroup(name);
        out().print(json ? DescribeFeatureGroupJson.write(group)
                : GroupText.describe(group, store.offlineStoreDirectory()));
    }
}
