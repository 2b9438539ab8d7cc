package org.featureworkbench.api.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.model.ValidationException;

/**
 * The JSON body of one control-plane call, with typed readers that name the member in their
 * errors the way the SageMaker API reference does ({@code SearchExpression.Filters[0].Name}).
 * Unknown members are ignored, as AWS ignores members a newer SDK may send.
 */
final class ControlRequest {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String operation;
    private final String text;
    private final JsonNode root;

    private ControlRequest(String operation, String text, JsonNode root) {
        this.operation = operation;
        this.text = text;
        this.root = root;
    }

    /**
     * Parses the body; an empty body counts as {@code {}}.
     *
     * @throws ApiException SerializationException when the body is not a JSON object
     */
    static ControlRequest parse(String operation, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            text = "{}";
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "SerializationException", "the " + operation
                    + " request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "); send a JSON object as the AWS SDKs do");
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "SerializationException", "the " + operation
                    + " request body must be a JSON object, e.g. {\"FeatureGroupName\": \"customers\"}");
        }
        return new ControlRequest(operation, text, root);
    }

    String operation() {
        return operation;
    }

    /** The body as sent, for readers in the json package that take text. */
    String text() {
        return text;
    }

    JsonNode root() {
        return root;
    }

    Optional<JsonNode> member(String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    String requiredText(String name) {
        return optionalText(name).orElseThrow(() -> new ValidationException(name,
                operation + " needs " + name + "; it is missing"));
    }

    Optional<String> optionalText(String name) {
        return member(name).map(node -> text(node, name));
    }

    Optional<Integer> optionalInt(String name, int min, int max) {
        return member(name).map(node -> {
            if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
                throw new ValidationException(name, "must be a whole number from " + min + " to " + max
                        + ", got " + node);
            }
            return node.asInt();
        });
    }

    /** An awsJson1_1 timestamp: epoch seconds as a number; an ISO-8601 string is accepted too. */
    Optional<Instant> optionalTime(String name) {
        return member(name).map(node -> time(node, name));
    }

    /** A member that must be one of the listed values, exactly as the model spells them. */
    Optional<String> optionalEnum(String name, List<String> allowed) {
        return optionalText(name).map(value -> {
            if (!allowed.contains(value)) {
                throw new ValidationException(name, "'" + value + "' is not one of " + String.join(", ", allowed));
            }
            return value;
        });
    }

    /** A list of strings, e.g. TagKeys; empty when absent. */
    List<String> textList(String name) {
        List<String> values = new ArrayList<>();
        member(name).ifPresent(node -> {
            requireArray(node, name);
            for (int i = 0; i < node.size(); i++) {
                values.add(text(node.get(i), name + "[" + i + "]"));
            }
        });
        return values;
    }

    /** A list of {@code {"Key": …, "Value": …}} (tags, feature parameters) in order; empty when absent. */
    Map<String, String> keyValues(String name) {
        Map<String, String> values = new LinkedHashMap<>();
        member(name).ifPresent(node -> {
            requireArray(node, name);
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String where = name + "[" + i + "]";
                if (!item.isObject()) {
                    throw new ValidationException(where, "must be an object {\"Key\": …, \"Value\": …}, got " + item);
                }
                JsonNode key = item.get("Key");
                if (key == null || key.isNull()) {
                    throw new ValidationException(where + ".Key", "is missing");
                }
                JsonNode value = item.get("Value");
                values.put(text(key, where + ".Key"), value == null || value.isNull() ? "" : text(value, where + ".Value"));
            }
        });
        return values;
    }

    static String text(JsonNode node, String name) {
        if (!node.isTextual()) {
            throw new ValidationException(name, "must be a string, got " + node);
        }
        return node.asText();
    }

    static void requireArray(JsonNode node, String name) {
        if (!node.isArray()) {
            throw new ValidationException(name, "must be a list, got " + node);
        }
    }

    static Instant time(JsonNode node, String name) {
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
        }
        if (node.isTextual()) {
            try {
                return Instant.parse(node.asText());
            } catch (DateTimeParseException e) {
                // fall through to the message below
            }
        }
        throw new ValidationException(name, "must be a time in epoch seconds (e.g. 1714564800) or ISO-8601 UTC "
                + "(e.g. 2024-05-01T12:00:00Z), got " + node);
    }
}
