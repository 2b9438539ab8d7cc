package org.featureworkbench.api.runtime;

import org.featureworkbench.api.ApiException;

/**
 * SageMaker's {@code FeatureGroupName} accepts a group's name or its ARN
 * ({@code arn:aws:sagemaker:<region>:<account>:feature-group/<name>}); the store knows names only.
 * Any region and account are accepted: clients build ARNs from their own configuration.
 */
public final class GroupNames {
    private static final String ARN_RESOURCE = ":feature-group/";

    private GroupNames() {
    }

    /**
     * The group's name from a name or an ARN.
     *
     * @param field the request field, for the error message
     * @throws ApiException ValidationError when empty, or an ARN of another kind of resource
     */
    public static String fromNameOrArn(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ApiException(400, "ValidationError", field + " is missing; give a feature group's name or ARN");
        }
        if (!value.startsWith("arn:")) {
            return value;
        }
        int at = value.indexOf(ARN_RESOURCE);
        if (at < 0 || at + ARN_RESOURCE.length() == value.length()) {
            throw new ApiException(400, "ValidationError", field + " '" + value + "' is an ARN but not of a feature"
                    + " group; give the group's name or an ARN such as arn:aws:sagemaker:us-east-1:000000000000:"
                    + "feature-group/customers");
        }
        return value.substring(at + ARN_RESOURCE.length());
    }
}
