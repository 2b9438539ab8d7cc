package org.featureworkbench.api.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.featureworkbench.api.GroupNames;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.ValidationException;

/** AddTags, ListTags and DeleteTags on a feature group's ARN. Thread-safe (the facade is). */
final class TagOperations {
    private static final String ARN = "ResourceArn";
    /** ListTags' MaxResults has a minimum of 50 in the model and no stated maximum or default. */
    private static final int LIST_DEFAULT = 50;

    private final FeatureStore store;

    TagOperations(FeatureStore store) {
        this.store = store;
    }

    /** Adds or overwrites tags; the response echoes the tags sent, as SageMaker's does. */
    JsonNode add(ControlRequest request) {
        FeatureGroup group = byArn(request);
        Map<String, String> tags = request.keyValues("Tags");
        if (tags.isEmpty()) {
            throw new ValidationException("Tags", "AddTags needs at least one tag {\"Key\": …, \"Value\": …}");
        }
        store.updateTags(group.name(), tags, List.of());
        ObjectNode response = ControlRequest.JSON.createObjectNode();
        response.set("Tags", keyValues(tags));
        return response;
    }

    JsonNode list(ControlRequest request) {
        FeatureGroup group = byArn(request);
        int maxResults = request.optionalInt("MaxResults", LIST_DEFAULT, Integer.MAX_VALUE).orElse(LIST_DEFAULT);
        ObjectNode response = ControlRequest.JSON.createObjectNode();
        Pages.page(request, List.copyOf(group.definition().tags().entrySet()), maxResults, response, "Tags",
                tag -> ControlRequest.JSON.createObjectNode().put("Key", tag.getKey()).put("Value", tag.getValue()));
        return response;
    }

    /** Removes tags by key; keys the group does not have are ignored, as SageMaker does. */
    JsonNode delete(ControlRequest request) {
        FeatureGroup group = byArn(request);
        List<String> keys = request.textList("TagKeys");
        if (keys.isEmpty()) {
            throw new ValidationException("TagKeys", "DeleteTags needs at least one tag key");
        }
        store.updateTags(group.name(), Map.of(), keys);
        return ControlRequest.JSON.createObjectNode();
    }

    /** AddTags and friends take only an ARN, as SageMaker's ResourceArn; the group by the endpoint's one rule. */
    private FeatureGroup byArn(ControlRequest request) {
        String arn = request.requiredText(ARN);
        if (!arn.startsWith("arn:")) {
            throw new ValidationException(ARN, "'" + arn + "' is not an ARN; give the group's FeatureGroupArn, e.g."
                    + " arn:aws:sagemaker:local:000000000000:feature-group/" + arn);
        }
        return GroupNames.group(store, arn, ARN);
    }

    static ArrayNode keyValues(Map<String, String> map) {
        ArrayNode array = ControlRequest.JSON.createArrayNode();
        map.forEach((k, v) -> array.addObject().put("Key", k).put("Value", v));
        return array;
    }
}
