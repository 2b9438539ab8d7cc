package org.featureworkbench.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Every SageMaker rule a feature group definition, a feature addition, feature metadata or tags
 * must satisfy. {@code problems…} methods return all problems (for inline validation in a form);
 * {@code validate…} methods throw the first. Stateless and thread-safe.
 */
public final class FeatureGroupValidator {
    public static final int MAX_FEATURES = 2_500;
    public static final int MAX_GROUP_DESCRIPTION = 128;
    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_KEY = 128;
    public static final int MAX_TAG_VALUE = 256;
    public static final int MAX_FEATURE_DESCRIPTION = 255;
    public static final int MAX_FEATURE_PARAMETERS = 25;
    public static final int MAX_PARAMETER_LENGTH = 255;

    /** AWS keeps tag keys starting with this, in any case, for itself. */
    private static final String RESERVED_TAG_PREFIX = "aws:";
    private static final Pattern TAG_CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private FeatureGroupValidator() {
    }

    /** @throws ValidationException the first problem of {@link #problems(FeatureGroupDefinition)} */
    public static void validate(FeatureGroupDefinition definition) {
        throwFirst(problems(definition));
    }

    /** All problems of a CreateFeatureGroup request, in field order; empty when valid. */
    public static List<ValidationException> problems(FeatureGroupDefinition d) {
        List<ValidationException> problems = new ArrayList<>();
        collect(problems, () -> NameRules.checkGroupName(d.name(), "FeatureGroupName"));
        collect(problems, () -> checkFeatureList(d.features(), "FeatureDefinitions", problems::add));
        collect(problems, () -> checkRecordIdentifier(d));
        collect(problems, () -> checkEventTime(d));
        if (d.description().length() > MAX_GROUP_DESCRIPTION) {
            problems.add(new ValidationException("Description", "description is " + d.description().length()
                    + " characters long; the limit is " + MAX_GROUP_DESCRIPTION));
        }
        problems.addAll(tagProblems(d.tags()));
        if (!d.onlineStore().enabled() && !d.offlineStore().enabled()) {
            problems.add(new ValidationException("OnlineStoreConfig",
                    "neither the online nor the offline store is enabled; enable at least one"));
        }
        if (!d.onlineStore().enabled() && d.onlineStore().ttl() != null) {
            problems.add(new ValidationException("OnlineStoreConfig.TtlDuration",
                    "a TTL applies to the online store, which is disabled; enable it or remove the TTL"));
        }
        return problems;
    }

    private static void checkFeatureList(List<FeatureDefinition> features, String field,
                                         Consumer<ValidationException> sink) {
        if (features.isEmpty()) {
            throw new ValidationException(field, "a feature group needs at least one feature definition");
        }
        if (features.size() > MAX_FEATURES) {
            throw new ValidationException(field, features.size() + " feature definitions; the limit is " + MAX_FEATURES);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            FeatureDefinition f = features.get(i);
            String where = field + "[" + i + "].FeatureName";
            try {
                NameRules.checkFeatureName(f.name(), where);
                // SageMaker compares feature names case-insensitively (Athena/Glue columns are).
                if (!seen.add(f.name().toLowerCase(Locale.ROOT))) {
                    sink.accept(new ValidationException(where, "feature '" + f.name()
                            + "' is defined more than once; feature names must be unique (ignoring case)"));
                }
            } catch (ValidationException e) {
                sink.accept(e);
            }
        }
    }

    private static void checkRecordIdentifier(FeatureGroupDefinition d) {
        String name = d.recordIdentifierFeatureName();
        String field = "RecordIdentifierFeatureName";
        if (name == null || name.isEmpty()) {
            throw new ValidationException(field, "no record identifier feature given; name one of the features");
        }
        FeatureDefinition f = d.feature(name).orElseThrow(() -> new ValidationException(field,
                "'" + name + "' is not among the feature definitions; name one of the features"));
        if (f.type() == FeatureType.FRACTIONAL) {
            throw new ValidationException(field, "record identifier '" + name
                    + "' is Fractional; it must be Integral or String");
        }
    }

    private static void checkEventTime(FeatureGroupDefinition d) {
        String name = d.eventTimeFeatureName();
        String field = "EventTimeFeatureName";
        if (name == null || name.isEmpty()) {
            throw new ValidationException(field, "no event time feature given; name a Fractional or String feature");
        }
        FeatureDefinition f = d.feature(name).orElseThrow(() -> new ValidationException(field,
                "'" + name + "' is not among the feature definitions; name one of the features"));
        if (f.type() == FeatureType.INTEGRAL) {
            throw new ValidationException(field, "event time '" + name
                    + "' is Integral; it must be Fractional (epoch seconds) or String (ISO-8601)");
        }
        if (name.equals(d.recordIdentifierFeatureName())) {
            throw new ValidationException(field, "the event time and the record identifier must be different features");
        }
    }

    /** All problems of a tag set (count, key and value lengths and characters). */
    public static List<ValidationException> tagProblems(Map<String, String> tags) {
        List<ValidationException> problems = new ArrayList<>();
        if (tags.size() > MAX_TAGS) {
            problems.add(new ValidationException("Tags", tags.size() + " tags; the limit is " + MAX_TAGS));
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            String value = tag.getValue() == null ? "" : tag.getValue();
            if (key == null || key.isEmpty() || key.length() > MAX_TAG_KEY || !TAG_CHARS.matcher(key).matches()) {
                problems.add(new ValidationException("Tags.Key", "tag key '" + key + "' is invalid; use 1-"
                        + MAX_TAG_KEY + " letters, digits, spaces or _ . : / = + - @"));
            } else if (key.regionMatches(true, 0, RESERVED_TAG_PREFIX, 0, RESERVED_TAG_PREFIX.length())) {
                problems.add(new ValidationException("Tags.Key", "tag key '" + key + "' starts with '"
                        + key.substring(0, RESERVED_TAG_PREFIX.length()) + "', a prefix AWS reserves for its own tags"
                        + " (SageMaker refuses it); choose a key without it, e.g. '"
                        + (key.length() > RESERVED_TAG_PREFIX.length() ? key.substring(RESERVED_TAG_PREFIX.length())
                        : "team") + "'"));
            } else if (value.length() > MAX_TAG_VALUE || !TAG_CHARS.matcher(value).matches()) {
                problems.add(new ValidationException("Tags." + key, "tag value '" + NameRules.abbreviate(value)
                        + "' is invalid; use at most " + MAX_TAG_VALUE + " letters, digits, spaces or _ . : / = + - @"));
            }
        }
        return problems;
    }

    /** @throws ValidationException when the tags break a rule */
    public static void validateTags(Map<String, String> tags) {
        throwFirst(tagProblems(tags));
    }

    /**
     * Checks a FeatureAdditions request against the group's current features.
     *
     * @throws ValidationException for an invalid, reserved, duplicate or already existing name,
     *                             or when the group would exceed {@value #MAX_FEATURES} features
     */
    public static void validateAdditions(FeatureGroupDefinition current, List<FeatureDefinition> additions) {
        if (additions.isEmpty()) {
            throw new ValidationException("FeatureAdditions", "no features to add; give at least one NAME:TYPE");
        }
        List<ValidationException> problems = new ArrayList<>();
        Set<String> existing = new HashSet<>();
        current.features().forEach(f -> existing.add(f.name().toLowerCase(Locale.ROOT)));
        for (int i = 0; i < additions.size(); i++) {
            String where = "FeatureAdditions[" + i + "].FeatureName";
            String name = additions.get(i).name();
            collect(problems, () -> NameRules.checkFeatureName(name, where));
            if (problems.isEmpty() && !existing.add(name.toLowerCase(Locale.ROOT))) {
                problems.add(new ValidationException(where, "feature '" + name + "' already exists in group '"
                        + current.name() + "'; features cannot be redefined, choose a new name"));
            }
        }
        if (problems.isEmpty() && current.features().size() + additions.size() > MAX_FEATURES) {
            problems.add(new ValidationException("FeatureAdditions", "the group would have "
                    + (current.features().size() + additions.size()) + " features; the limit is " + MAX_FEATURES));
        }
        throwFirst(problems);
    }

    /** @throws ValidationException when feature metadata breaks a rule */
    public static void validateMetadata(String featureName, String description, Map<String, String> parameters) {
        if (description != null && description.length() > MAX_FEATURE_DESCRIPTION) {
            throw new ValidationException("Description", "feature description is " + description.length()
                    + " characters long; the limit is " + MAX_FEATURE_DESCRIPTION);
        }
        if (parameters.size() > MAX_FEATURE_PARAMETERS) {
            throw new ValidationException("Parameters", "feature '" + featureName + "' would have "
                    + parameters.size() + " parameters; the limit is " + MAX_FEATURE_PARAMETERS);
        }
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String key = p.getKey();
            String value = p.getValue() == null ? "" : p.getValue();
            if (key == null || key.isEmpty() || key.length() > MAX_PARAMETER_LENGTH || !TAG_CHARS.matcher(key).matches()) {
                throw new ValidationException("Parameters.Key", "parameter key '" + key + "' is invalid; use 1-"
                        + MAX_PARAMETER_LENGTH + " letters, digits, spaces or _ . : / = + - @");
            }
            if (value.length() > MAX_PARAMETER_LENGTH || !TAG_CHARS.matcher(value).matches()) {
                throw new ValidationException("Parameters." + key, "parameter value is invalid; use at most "
                        + MAX_PARAMETER_LENGTH + " letters, digits, spaces or _ . : / = + - @");
            }
        }
    }

    private static void collect(List<ValidationException> problems, Runnable check) {
        try {
            check.run();
        } catch (ValidationException e) {
            problems.add(e);
        }
    }

    private static void throwFirst(List<ValidationException> problems) {
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }
}
