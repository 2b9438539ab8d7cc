package org.featureworkbench.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.ValidationException;

/**
 * The one rule by which every operation of the endpoint, runtime and control plane alike, finds
 * the group a request names (ADR 0022, addendum). A member takes a group's name or its ARN
 * ({@code arn:aws:sagemaker:<region>:<account>:feature-group/<name>}, any region and account,
 * since clients build ARNs from their own configuration). The name denotes the group of exactly
 * that name; when there is none, the one group whose name differs only in case. SageMaker
 * lower-cases the name in the ARNs it returns, so code carried over from AWS may hold an ARN
 * whose case differs from the group's name; two local groups that differ only in case make such
 * a name ambiguous, which is refused rather than guessed.
 */
public final class GroupNames {
    private static final String ARN_RESOURCE = ":feature-group/";
    private static final String ARN_EXAMPLE = "arn:aws:sagemaker:us-east-1:000000000000:feature-group/customers";
    /** The facade's own message points CLI users at 'group list'; API users list with the API. */
    private static final String LIST_HINT = "ListFeatureGroups shows the groups of this workspace and their ARNs";

    private GroupNames() {
    }

    /**
     * The name a name or an ARN gives, as written (no lookup).
     *
     * @param field the request member, for the error message
     * @throws ValidationException when empty, or an ARN that is not a SageMaker feature group's
     */
    public static String nameIn(String nameOrArn, String field) {
        if (nameOrArn == null || nameOrArn.isBlank()) {
            throw new ValidationException(field, "missing; give a feature group's name or ARN");
        }
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        String[] parts = nameOrArn.split(":", 6);
        int at = nameOrArn.indexOf(ARN_RESOURCE);
        if (parts.length < 6 || !parts[1].startsWith("aws") || !parts[2].equals("sagemaker") || at < 0
                || at + ARN_RESOURCE.length() == nameOrArn.length()) {
            throw new ValidationException(field, "'" + nameOrArn + "' is not a feature group ARN; this endpoint "
                    + "serves only feature groups: give the group's name or an ARN such as " + ARN_EXAMPLE);
        }
        return nameOrArn.substring(at + ARN_RESOURCE.length());
    }

    /**
     * The stored name of the group a name or an ARN denotes, for the data path: an exact name is
     * answered from the facade's cache, so the usual call costs no catalog read. When no group
     * matches, the name as written, so the store's own "does not exist" message names it.
     *
     * @throws ValidationException for a malformed ARN, or a name that two groups match ignoring case
     */
    public static String storedName(FeatureStore store, String nameOrArn, String field) {
        String name = nameIn(nameOrArn, field);
        if (store.hasFeatureGroup(name)) {
            return name;
        }
        return ignoringCase(store, name, field).map(FeatureGroup::name).orElse(name);
    }

    /**
     * The group a name or an ARN denotes, for the control plane.
     *
     * @throws ResourceNotFoundException when no group matches
     * @throws ValidationException for a malformed ARN, or a name that two groups match ignoring case
     */
    public static FeatureGroup group(FeatureStore store, String nameOrArn, String field) {
        String name = nameIn(nameOrArn, field);
        return store.findFeatureGroup(name)
                .or(() -> ignoringCase(store, name, field))
                .orElseThrow(() -> new ResourceNotFoundException((nameOrArn.startsWith("arn:")
                        ? "no feature group has the ARN '" + nameOrArn + "'"
                        : "feature group '" + nameOrArn + "' does not exist") + "; " + LIST_HINT));
    }

    private static Optional<FeatureGroup> ignoringCase(FeatureStore store, String name, String field) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<FeatureGroup> matches = store.listFeatureGroups(GroupListQuery.ALL).stream()
                .filter(g -> g.name().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
        if (matches.size() > 1) {
            throw new ValidationException(field, "'" + name + "' matches the groups "
                    + matches.stream().map(g -> "'" + g.name() + "'").toList() + ", which differ only in case;"
                    + " give the name exactly as the group was created");
        }
        return matches.stream().findFirst();
    }
}
