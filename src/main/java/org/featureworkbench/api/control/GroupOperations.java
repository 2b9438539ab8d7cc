package org.featureworkbench.api.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.GroupNames;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.CreateFeatureGroupJson;
import org.featureworkbench.json.ParsedDefinition;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupValidator;
import org.featureworkbench.model.FeatureMetadataUpdate;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.model.ValidationException;

/**
 * CreateFeatureGroup, DescribeFeatureGroup, DeleteFeatureGroup, UpdateFeatureGroup,
 * UpdateFeatureMetadata and DescribeFeatureMetadata: each reads its request, calls the facade once
 * and writes SageMaker's response shape. Thread-safe (the facade is).
 */
final class GroupOperations {
    private final FeatureStore store;
    private final Consumer<String> notices;

    GroupOperations(FeatureStore store, Consumer<String> notices) {
        this.store = store;
        this.notices = notices;
    }

    JsonNode create(ControlRequest request) {
        // The CLI's reader takes every member of the real request; cloud-only ones are ignored.
        ParsedDefinition parsed = CreateFeatureGroupJson.read(request.text(), "CreateFeatureGroup request");
        FeatureGroup created = store.createFeatureGroup(parsed.definition());
        if (!parsed.ignored().isEmpty()) {
            // AWS's response has no warning channel, so the operator hears it, once per created group.
            notices.accept("CreateFeatureGroup '" + created.name() + "': "
                    + String.join("; ", parsed.warningsByReason()));
        }
        return ControlRequest.JSON.createObjectNode().put("FeatureGroupArn", created.arn());
    }

    JsonNode describe(ControlRequest request) {
        FeatureGroup group = GroupNames.group(store, request.requiredText("FeatureGroupName"), "FeatureGroupName");
        return GroupShapes.describe(group, store.offlineStoreDirectory());
    }

    /** Deletes the group and its online data; the offline files stay, as SageMaker keeps the S3 data. */
    JsonNode delete(ControlRequest request) {
        FeatureGroup group = GroupNames.group(store, request.requiredText("FeatureGroupName"), "FeatureGroupName");
        store.deleteFeatureGroup(group.name(), false);
        return null;
    }

    JsonNode update(ControlRequest request) {
        FeatureGroup group = GroupNames.group(store, request.requiredText("FeatureGroupName"), "FeatureGroupName");
        boolean additions = request.member("FeatureAdditions").isPresent();
        boolean online = request.member("OnlineStoreConfig").isPresent();
        if (!additions && !online && request.member("ThroughputConfig").isPresent()) {
            // Capacity is a cloud setting; locally there is nothing to change, and no reason to fail.
            return ControlRequest.JSON.createObjectNode().put("FeatureGroupArn", group.arn());
        }
        if (additions == online) {
            throw new ValidationException("", "UpdateFeatureGroup takes exactly one of FeatureAdditions and "
                    + "OnlineStoreConfig per call" + (additions ? "; send them in two calls" : "; neither was sent"));
        }
        FeatureGroup updated = additions
                ? addFeatures(group, request.member("FeatureAdditions").orElseThrow())
                : store.updateOnlineTtl(group.name(), ttl(request.member("OnlineStoreConfig").orElseThrow()));
        return ControlRequest.JSON.createObjectNode().put("FeatureGroupArn", updated.arn());
    }

    private FeatureGroup addFeatures(FeatureGroup group, JsonNode additions) {
        ControlRequest.requireArray(additions, "FeatureAdditions");
        List<FeatureDefinition> features = new ArrayList<>();
        for (int i = 0; i < additions.size(); i++) {
            String where = "FeatureAdditions[" + i + "]";
            JsonNode item = additions.get(i);
            features.add(new FeatureDefinition(ControlRequest.text(required(item, "FeatureName", where), where
                    + ".FeatureName"), FeatureType.fromAwsName(ControlRequest.text(required(item, "FeatureType",
                    where), where + ".FeatureType"), where + ".FeatureType")));
        }
        if (group.features().size() + features.size() > FeatureGroupValidator.MAX_FEATURES) {
            throw new ApiException(400, ControlErrors.LIMIT_EXCEEDED, "feature group '" + group.name() + "' has "
                    + group.features().size() + " features; adding " + features.size() + " would pass the limit of "
                    + FeatureGroupValidator.MAX_FEATURES + " features per group");
        }
        return store.addFeatures(group.name(), features);
    }

    /** OnlineStoreConfig.TtlDuration; Unit and Value null (or no TtlDuration) removes the default TTL. */
    private static TtlDuration ttl(JsonNode config) {
        JsonNode ttl = config.get("TtlDuration");
        if (ttl == null || ttl.isNull()) {
            return null;
        }
        JsonNode unit = ttl.get("Unit");
        JsonNode value = ttl.get("Value");
        boolean noUnit = unit == null || unit.isNull();
        boolean noValue = value == null || value.isNull();
        if (noUnit && noValue) {
            return null;
        }
        String field = "OnlineStoreConfig.TtlDuration";
        if (noUnit || noValue || !value.isIntegralNumber()) {
            throw new ValidationException(field, "give both Unit (Seconds, Minutes, Hours, Days or Weeks) and a "
                    + "whole-number Value, e.g. {\"Unit\": \"Days\", \"Value\": 7}; both null removes the TTL");
        }
        return new TtlDuration(TtlUnit.parse(ControlRequest.text(unit, field + ".Unit"), field + ".Unit"),
                value.asLong());
    }

    JsonNode updateFeatureMetadata(ControlRequest request) {
        FeatureGroup group = GroupNames.group(store, request.requiredText("FeatureGroupName"), "FeatureGroupName");
        Map<String, String> additions = request.keyValues("ParameterAdditions");
        store.updateFeatureMetadata(group.name(), request.requiredText("FeatureName"), new FeatureMetadataUpdate(
                request.optionalText("Description").orElse(null), additions, request.textList("ParameterRemovals")));
        return null;
    }

    JsonNode describeFeatureMetadata(ControlRequest request) {
        FeatureGroup group = GroupNames.group(store, request.requiredText("FeatureGroupName"), "FeatureGroupName");
        String featureName = request.requiredText("FeatureName");
        FeatureDefinition feature = group.definition().feature(featureName).orElseThrow(() ->
                new ResourceNotFoundException("feature '" + featureName + "' does not exist in feature group '"
                        + group.name() + "'; DescribeFeatureGroup lists its features"));
        return GroupShapes.featureMetadata(group, feature);
    }

    private static JsonNode required(JsonNode item, String member, String where) {
        JsonNode node = item == null || !item.isObject() ? null : item.get(member);
        if (node == null || node.isNull()) {
            throw new ValidationException(where + "." + member, "is missing");
        }
        return node;
    }
}
