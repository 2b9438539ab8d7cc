package org.featureworkbench.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.featureworkbench.model.ValidationException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Renames the SageMaker request fields in validation messages to the options the user typed,
 * e.g. {@code FeatureGroupName} to {@code --name} and {@code FeatureDefinitions[2]} to the third
 * {@code --feature}, so the message points at the command line rather than at a JSON document.
 */
final class OptionNames {
    private static final Pattern FEATURE = Pattern.compile("(?:FeatureDefinitions|FeatureAdditions)\\[(\\d+)].*");

    private OptionNames() {
    }

    /**
     * {@code e}, a complaint about the options alone (missing, conflicting or malformed), as a
     * usage error: exit 2 with the hint to the command's --help, like picocli's own (issue 13).
     */
    static ParameterException usageError(CommandSpec command, ValidationException e) {
        return new ParameterException(command.commandLine(), e.getMessage(), e);
    }

    static ValidationException translate(ValidationException e) {
        String option = option(e.field());
        return option.equals(e.field()) ? e : new ValidationException(option, e.reason());
    }

    private static String option(String field) {
        Matcher feature = FEATURE.matcher(field);
        if (feature.matches()) {
            return "--feature #" + (Integer.parseInt(feature.group(1)) + 1);
        }
        if (field.startsWith("Tags")) {
            return "--tag";
        }
        return switch (field) {
            case "FeatureGroupName" -> "--name";
            case "RecordIdentifierFeatureName" -> "--record-id";
            case "EventTimeFeatureName" -> "--event-time";
            case "FeatureDefinitions", "FeatureAdditions" -> "--feature";
            case "Description" -> "--description";
            case "OnlineStoreConfig" -> "--no-online/--no-offline";
            case "OnlineStoreConfig.TtlDuration", "OnlineStoreConfig.TtlDuration.Value" -> "--ttl";
            default -> field;
        };
    }
}
