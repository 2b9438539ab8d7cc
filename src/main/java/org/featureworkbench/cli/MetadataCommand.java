package org.featureworkbench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.DescribeFeatureGroupJson;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureMetadataUpdate;
import org.featureworkbench.model.ResourceNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code group metadata}: SageMaker's DescribeFeatureMetadata and UpdateFeatureMetadata. */
@Command(name = "metadata",
        description = {"Show a feature's metadata, or change it when options are given.",
                "Example: group metadata customers age --description 'Age in years' --param unit=years"})
final class MetadataCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Feature group name.")
    String name;

    @Parameters(index = "1", paramLabel = "FEATURE", description = "Feature name.")
    String feature;

    @Option(names = "--description", paramLabel = "D", description = "New description (at most 255 characters; '' clears it).")
    String description;

    @Option(names = "--param", paramLabel = "K=V", description = "Add or overwrite a parameter. Repeatable (at most 25 in all).")
    Map<String, String> additions = new LinkedHashMap<>();

    @Option(names = "--remove-param", paramLabel = "K", description = "Remove a parameter. Repeatable.")
    List<String> removals = new ArrayList<>();

    @Option(names = "--json", description = "Print the DescribeFeatureMetadata response shape.")
    boolean json;

    @Override
    protected void run(FeatureStore store) {
        boolean changes = description != null || !additions.isEmpty() || !removals.isEmpty();
        FeatureGroup group = changes
                ? store.updateFeatureMetadata(name, feature, new FeatureMetadataUpdate(description, additions, removals))
                : store.describeFeatureGroup(name);
        FeatureDefinition f = group.definition().feature(feature).orElseThrow(() -> new ResourceNotFoundException(
                "feature '" + feature + "' does not exist in group '" + name + "'; 'group describe " + name
                        + "' lists its features"));
        out().print(json ? DescribeFeatureGroupJson.writeFeatureMetadata(group, f) : GroupText.metadata(group, f));
    }
}
