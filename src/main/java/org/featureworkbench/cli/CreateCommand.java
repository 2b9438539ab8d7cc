package org.featureworkbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.CreateFeatureGroupJson;
import org.featureworkbench.json.ParsedDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code group create}: from a CreateFeatureGroup JSON file, or from options. */
@Command(name = "create", sortOptions = false,
        description = {"Create a feature group from a CreateFeatureGroup JSON file or from options.",
                "The file is read as boto3 or 'aws sagemaker create-feature-group --cli-input-json' take it."},
        footer = {"", "Examples:",
                "  group create --file customers.json",
                "  group create --name customers --record-id customer_id --event-time event_time \\",
                "      --feature customer_id:String --feature event_time:String --feature age:Integral --ttl 7d"})
final class CreateCommand extends StoreCommand {
    @Option(names = "--file", paramLabel = "DEF.json",
            description = "CreateFeatureGroup request; cloud-only fields (RoleArn, S3StorageConfig, …) are ignored with a warning.")
    Path file;

    @Option(names = "--name", paramLabel = "N", description = "Feature group name.")
    String name;

    @Option(names = "--record-id", paramLabel = "F", description = "Record identifier feature (Integral or String).")
    String recordId;

    @Option(names = "--event-time", paramLabel = "F", description = "Event time feature (Fractional or String).")
    String eventTime;

    @Option(names = "--feature", paramLabel = "NAME:TYPE",
            description = "A feature; TYPE is Integral, Fractional or String. Repeat for each feature.")
    List<String> features = new ArrayList<>();

    @Option(names = "--description", paramLabel = "D", description = "Description (at most 128 characters).")
    String description;

    @Option(names = "--tag", paramLabel = "K=V", description = "A tag. Repeat for each tag (at most 50).")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--no-online", description = "No online store (offline store only).")
    boolean noOnline;

    @Option(names = "--no-offline", description = "No offline store (online store only).")
    boolean noOffline;

    @Option(names = "--ttl", paramLabel = "DURATION", description = "Online store TTL, e.g. 90s, 30m, 12h, 7d, 2w.")
    String ttl;

    private FeatureGroupDefinition definition;
    private boolean fromOptions;

    @Override
    protected void prepare() {
        if (file != null) {
            if (name != null || recordId != null || eventTime != null || !features.isEmpty() || description != null
                    || !tags.isEmpty() || noOnline || noOffline || ttl != null) {
                throw new ParameterException(spec.commandLine(),
                        "--file cannot be combined with other options; put those fields in the JSON file");
            }
            ParsedDefinition parsed = CreateFeatureGroupJson.read(InputFiles.readText(file), file.toString());
            parsed.warnings().forEach(context()::warn);
            definition = parsed.definition();
            return;
        }
        List<String> missing = new ArrayList<>();
        if (name == null) missing.add("--name");
        if (recordId == null) missing.add("--record-id");
        if (eventTime == null) missing.add("--event-time");
        if (features.isEmpty()) missing.add("--feature");
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required option(s): "
                    + String.join(", ", missing) + " (or give --file DEF.json)");
        }
        TtlDuration ttlDuration = ttl == null ? null : TtlDuration.parse(ttl, "--ttl");
        definition = new FeatureGroupDefinition(name, recordId, eventTime, Arguments.features(features),
                description, tags, new OnlineStoreConfig(!noOnline, ttlDuration),
                noOffline ? OfflineStoreConfig.DISABLED : OfflineStoreConfig.ENABLED);
        fromOptions = true;
    }

    @Override
    protected void run(FeatureStore store) {
        FeatureGroup created;
        try {
            created = store.createFeatureGroup(definition);
        } catch (ValidationException e) {
            throw fromOptions ? OptionNames.translate(e) : e;
        }
        out().println("Created feature group " + created.name() + " (" + created.features().size() + " features; "
                + GroupText.stores(created.definition()) + ").");
    }
}
