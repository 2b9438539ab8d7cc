package org.featureworkbench.ui.create;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.featureworkbench.model.ValidationException;

/**
 * The inputs of the feature group form, and which validator field (SageMaker's request
 * vocabulary, e.g. {@code FeatureDefinitions[2].FeatureName}) belongs to which input, so each
 * message is shown beside the input the user has to change.
 */
public enum FormField {
    NAME, DESCRIPTION, FEATURES, RECORD_ID, EVENT_TIME, STORES, TAGS;

    private static final Pattern FEATURE_INDEX = Pattern.compile("(?:FeatureDefinitions|FeatureAdditions)\\[(\\d+)]\\..*");

    /** The input a validator field belongs to. */
    public static FormField of(String validatorField) {
        String f = validatorField == null ? "" : validatorField;
        if (f.equals("FeatureGroupName")) {
            return NAME;
        }
        if (f.equals("RecordIdentifierFeatureName")) {
            return RECORD_ID;
        }
        if (f.equals("EventTimeFeatureName")) {
            return EVENT_TIME;
        }
        if (f.equals("Description")) {
            return DESCRIPTION;
        }
        if (f.startsWith("Tags")) {
            return TAGS;
        }
        if (f.startsWith("OnlineStoreConfig") || f.startsWith("OfflineStoreConfig")) {
            return STORES;
        }
        return FEATURES;
    }

    /**
     * The message as shown in the form: without the field prefix, and for a feature row with
     * the row number a user sees ("Row 3: …") instead of a zero-based index.
     */
    public static String message(ValidationException problem) {
        Matcher m = FEATURE_INDEX.matcher(problem.field());
        return m.matches() ? "Row " + (Integer.parseInt(m.group(1)) + 1) + ": " + problem.reason() : problem.reason();
    }

    /** Groups problems by input; several problems of one input are joined line by line. */
    public static Map<FormField, String> group(List<ValidationException> problems) {
        Map<FormField, List<String>> byField = new EnumMap<>(FormField.class);
        for (ValidationException p : problems) {
            byField.computeIfAbsent(of(p.field()), k -> new ArrayList<>()).add(message(p));
        }
        Map<FormField, String> joined = new EnumMap<>(FormField.class);
        byField.forEach((field, messages) -> joined.put(field, String.join("\n", messages)));
        return joined;
    }
}
