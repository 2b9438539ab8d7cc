package org.featureworkbench.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.DescribeFeatureGroupJson;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.GroupSearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code group search}: SageMaker's Search over FeatureGroup resources. All criteria must match. */
@Command(name = "search",
        description = {"Find feature groups by text, tags and creation time.",
                "The text is looked for in the name, description, record id, feature names and tags."})
final class SearchCommand extends StoreCommand {
    @Parameters(paramLabel = "TEXT", arity = "0..1", description = "Free text, matched ignoring case.")
    String text;

    @Option(names = "--tag", paramLabel = "K=V", description = "Only groups with this tag. Repeat to require several.")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--created-after", paramLabel = "T", converter = Arguments.InstantConverter.class,
            description = "Created at or after T: ISO-8601 date (midnight UTC) or date-time, e.g. 2024-05-01T12:00:00Z.")
    Instant createdAfter;

    @Option(names = "--created-before", paramLabel = "T", converter = Arguments.InstantConverter.class,
            description = "Created at or before T (same forms as --created-after).")
    Instant createdBefore;

    @Option(names = "--json", description = "Print the Search response shape.")
    boolean json;

    @Override
    protected void run(FeatureStore store) {
        List<FeatureGroup> groups = store.searchFeatureGroups(
                new GroupSearchQuery(text, tags, createdAfter, createdBefore));
        if (json) {
            out().print(DescribeFeatureGroupJson.writeSearchResults(groups));
        } else if (groups.isEmpty()) {
            out().println("No feature groups match.");
        } else {
            out().print(GroupText.table(groups));
        }
    }
}
