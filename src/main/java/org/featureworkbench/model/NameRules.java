package org.featureworkbench.model;

import java.util.Set;
import java.util.regex.Pattern;

/** SageMaker's naming rules for feature groups and features. Stateless and thread-safe. */
public final class NameRules {
    /** Names SageMaker adds to the offline store itself; a user feature may not take them. */
    public static final Set<String> RESERVED_FEATURE_NAMES = Set.of("is_deleted", "write_time", "api_invocation_time");
    public static final int MAX_NAME_LENGTH = 64;

    private static final Pattern GROUP_NAME = Pattern.compile("[a-zA-Z0-9]([_-]*[a-zA-Z0-9]){0,63}");
    private static final Pattern FEATURE_NAME = Pattern.compile("[a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,63}");

    private NameRules() {
    }

    /** @throws ValidationException when {@code name} is not a valid feature group name */
    public static void checkGroupName(String name, String field) {
        check(name, field, GROUP_NAME, "feature group name");
    }

    /**
     * {@link #checkGroupName}, with a valid name close to {@code name} in the message when there is
     * one: for names a user chose for something that is created later (infer's --name), so the
     * message says what to type instead.
     */
    public static void checkGroupNameSuggesting(String name, String field) {
        try {
            checkGroupName(name, field);
        } catch (ValidationException e) {
            String suggestion = name == null ? "" : validGroupNameLike(name);
            throw suggestion.isEmpty() ? e
                    : new ValidationException(field, e.reason() + ", e.g. '" + suggestion + "'");
        }
    }

    /** {@code name} with every run of characters a group name cannot hold turned into one '-', cut to 64; may be empty. */
    static String validGroupNameLike(String name) {
        String s = name.replaceAll("[^a-zA-Z0-9_-]+", "-").replaceAll("^[_-]+|[_-]+$", "");
        if (s.length() > MAX_NAME_LENGTH) {
            s = s.substring(0, MAX_NAME_LENGTH).replaceAll("[_-]+$", "");
        }
        return GROUP_NAME.matcher(s).matches() ? s : "";
    }

    /** @throws ValidationException when {@code name} is not a valid, unreserved feature name */
    public static void checkFeatureName(String name, String field) {
        check(name, field, FEATURE_NAME, "feature name");
        if (RESERVED_FEATURE_NAMES.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new ValidationException(field, "'" + name + "' is reserved by the offline store "
                    + "(is_deleted, write_time, api_invocation_time); choose another feature name");
        }
    }

    private static void check(String name, String field, Pattern pattern, String what) {
        if (name == null || name.isEmpty()) {
            throw new ValidationException(field, what + " is empty; give 1-64 letters, digits, '-' or '_'");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new ValidationException(field, what + " '" + abbreviate(name) + "' is " + name.length()
                    + " characters long; the limit is 64");
        }
        if (!pattern.matcher(name).matches()) {
            throw new ValidationException(field, "'" + name + "' is not a valid " + what
                    + "; use ASCII letters, digits, '-' and '_', starting and ending with a letter or digit");
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
