package org.featureworkbench.cli;

import java.util.List;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code group add-features}: SageMaker's UpdateFeatureGroup with FeatureAdditions. */
@Command(name = "add-features",
        description = "Add new features to a group (existing features cannot be changed or removed).")
final class AddFeaturesCommand extends StoreCommand {
    @Parameters(paramLabel = "NAME", description = "Feature group name.")
    String name;

    @Option(names = "--feature", paramLabel = "NAME:TYPE", required = true,
            description = "A new feature; TYPE is Integral, Fractional or String. Repeat for each feature.")
    List<String> features;

    private List<FeatureDefinition> additions;

    @Override
    protected void prepare() {
        additions = Arguments.features(features);
    }

    @Override
    protected void run(FeatureStore store) {
        FeatureGroup updated;
        try {
            updated = store.addFeatures(name, additions);
        } catch (ValidationException e) {
            throw OptionNames.translate(e);
        }
        out().println("Added " + additions.size() + (additions.size() == 1 ? " feature" : " features") + " to "
                + updated.name() + "; it now has " + updated.features().size() + " features.");
    }
}
