package org.featureworkbench.cli;

import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code group update}: SageMaker's UpdateFeatureGroup with OnlineStoreConfig, i.e. the online
 * store's default TTL, through the same facade call as the API ({@link FeatureStore#updateOnlineTtl}).
 * Features are added with {@code group add-features}, as UpdateFeatureGroup takes one change per call.
 */
@Command(name = "update", header = "Change a group's online TTL (as UpdateFeatureGroup's TtlDuration does).",
        description = {"Change a group's online TTL: records put from now on expire after it;",
        "records already stored keep the expiry they were written with.",
        "Example: group update customers --ttl 30d"})
final class UpdateCommand extends StoreCommand {
    @Parameters(paramLabel = "NAME", description = "Feature group name.")
    String name;

    @Option(names = "--ttl", paramLabel = "DURATION", description = "New online TTL, e.g. 90s, 30m, 12h, 7d, 2w.")
    String ttl;

    @Option(names = "--no-ttl", description = "Remove the TTL: records put from now on never expire.")
    boolean noTtl;

    private TtlDuration duration;

    /** Missing, conflicting or malformed options are usage errors (exit 2), as picocli's own are. */
    @Override
    protected void prepare() {
        if ((ttl == null) == !noTtl) {
            throw new ParameterException(spec.commandLine(), ttl == null
                    ? "say what to change: --ttl DURATION (e.g. --ttl 7d) or --no-ttl"
                    : "give --ttl or --no-ttl, not both");
        }
        try {
            duration = ttl == null ? null : TtlDuration.parse(ttl, "--ttl");
        } catch (ValidationException e) {
            throw OptionNames.usageError(spec, e);
        }
    }

    @Override
    protected void run(FeatureStore store) {
        FeatureGroup group = store.describeFeatureGroup(name);
        if (!group.definition().onlineStore().enabled()) {
            throw new ValidationException("--ttl", "feature group '" + name + "' has no online store, so there is"
                    + " nothing to expire; a TTL applies to online records only");
        }
        FeatureGroup updated;
        try {
            updated = store.updateOnlineTtl(group.name(), duration);
        } catch (ValidationException e) {
            throw OptionNames.translate(e);
        }
        out().println(updated.definition().onlineStore().ttlOptional()
                .map(t -> updated.name() + ": online TTL is now " + t + "; records put from now on expire " + t
                        + " after their event time.")
                .orElse(updated.name() + ": online TTL removed; records put from now on never expire.")
                + " Records already stored keep their expiry.");
    }
}
