package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.json.JsonErrorText;

/**
 * A JSON request body read into a tree, with errors in AWS's ValidationError shape that say what
 * is wrong and where (line and column), and typed accessors that name the field at fault.
 */
public final class RequestBody {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RequestBody() {
    }

    /**
     * The body as a JSON object.
     *
     * @param operation named in the message when the body is empty
     * @throws ApiException ValidationError for an empty body, malformed JSON or a non-object
     */
    public static JsonNode object(ApiRequest request, String operation) {
        if (request.body().length == 0) {
            throw invalid(operation + " needs a JSON object body; the request has none");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw invalid("malformed JSON in the request body at " + position(e.getLocation()) + ": "
                    + JsonErrorText.plain(firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            // Reading a byte array does no I/O; only syntax errors are possible.
            throw invalid("the request body could not be read as JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid("the " + operation + " request body must be a JSON object");
        }
        return root;
    }

    /** A required string member. */
    public static String string(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw invalid(where + field + " is missing");
        }
        if (!node.isTextual()) {
            throw invalid(where + field + " must be a string");
        }
        return node.textValue();
    }

    /** An optional string member; null when absent. */
    public static String optionalString(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : string(parent, field, where);
    }

    /** An optional list of strings; empty when absent. */
    public static List<String> strings(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid(where + field + " must be a list of strings");
        }
        List<String> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw invalid(where + field + "[" + i + "] must be a string");
            }
            values.add(item.textValue());
        }
        return values;
    }

    /** A required, non-empty list member. */
    public static JsonNode list(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw invalid(where + field + " is missing");
        }
        if (!node.isArray()) {
            throw invalid(where + field + " must be a list");
        }
        return node;
    }

    /** A ValidationError (400) with {@code message}. */
    public static ApiException invalid(String message) {
        return new ApiException(400, "ValidationError", message);
    }

    private static String position(JsonLocation location) {
        return location == null ? "an unknown position"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
