package org.featureworkbench.api.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a Search property name reaches in a resource's response shape: dots step into
 * members; a list contributes each of its elements ({@code FeatureDefinitions.FeatureName} is
 * every feature's name); in a list of {@code {"Key", "Value"}} pairs the rest of the name is a key,
 * dots included ({@code Tags.team}, {@code Parameters.owner.email}). Pure functions.
 */
final class PropertyValues {
    private PropertyValues() {
    }

    /** Every value {@code name} reaches in {@code resource}; empty when the property does not exist. */
    static List<JsonNode> of(JsonNode resource, String name) {
        List<JsonNode> out = new ArrayList<>();
        collect(resource, name, out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<JsonNode> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!path.isEmpty() && isKeyValue(element)) {
                    if (element.get("Key").asText().equals(path)) {
                        collect(element.get("Value"), "", out);
                    }
                } else {
                    collect(element, path, out);
                }
            }
        } else if (path.isEmpty()) {
            out.add(node);
        } else if (node.isObject()) {
            int dot = path.indexOf('.');
            collect(node.get(dot < 0 ? path : path.substring(0, dot)), dot < 0 ? "" : path.substring(dot + 1), out);
        }
    }

    private static boolean isKeyValue(JsonNode node) {
        return node.isObject() && node.has("Key") && node.size() <= 2;
    }
}
