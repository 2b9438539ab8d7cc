package org.featureworkbench.api.control;

import java.util.Locale;
import java.util.Optional;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.ValidationException;

/**
 * Resolves what a request names a group by: its name, or its ARN
 * ({@code arn:aws:sagemaker:<region>:<account>:feature-group/<name>}). Any region and account are
 * accepted, since a client may build the ARN itself; SageMaker prints names in ARNs lower-cased,
 * so an ARN matches a group's name regardless of case.
 */
final class GroupNames {
    private static final String ARN_PREFIX = "arn:";
    private static final String RESOURCE = ":feature-group/";
    /** The facade's own message points CLI users at 'group list'; API users list with the API. */
    private static final String LIST_HINT = "ListFeatureGroups shows the groups of this workspace and their ARNs";

    private GroupNames() {
    }

    /** The group a FeatureGroupNameOrArn member names. */
    static FeatureGroup group(FeatureStore store, String nameOrArn, String member) {
        if (!nameOrArn.startsWith(ARN_PREFIX)) {
            return store.findFeatureGroup(nameOrArn).orElseThrow(() -> new ResourceNotFoundException(
                    "feature group '" + nameOrArn + "' does not exist; " + LIST_HINT));
        }
        return byArn(store, nameOrArn, member);
    }

    /** The group an ARN names; AddTags and friends take only ARNs. */
    static FeatureGroup byArn(FeatureStore store, String arn, String member) {
        String name = nameInArn(arn, member);
        Optional<FeatureGroup> exact = store.findFeatureGroup(name);
        if (exact.isPresent()) {
            return exact.get();
        }
        return store.listFeatureGroups(GroupListQuery.ALL).stream()
                .filter(g -> g.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("no feature group has the ARN '" + arn
                        + "'; " + LIST_HINT));
    }

    private static String nameInArn(String arn, String member) {
        int at = arn.indexOf(RESOURCE);
        if (!arn.startsWith("arn:aws:sagemaker:") || at < 0 || at + RESOURCE.length() == arn.length()) {
            throw new ValidationException(member, "'" + arn + "' is not a feature group ARN; this endpoint "
                    + "serves only feature groups, e.g. arn:aws:sagemaker:local:000000000000:feature-group/customers");
        }
        return arn.substring(at + RESOURCE.length());
    }
}
