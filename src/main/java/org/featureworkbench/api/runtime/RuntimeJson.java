package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.ValidationException;

/**
 * The REST-JSON plumbing the runtime handlers share: reading a request body into an object,
 * writing a 200 response, and mapping the facade's errors to AWS's error codes.
 */
final class RuntimeJson {
    static final String CONTENT_TYPE = "application/json";
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RuntimeJson() {
    }

    /**
     * The body as a JSON object; an empty body is an empty object (the SDKs send {@code {}} for a
     * request without members, but a hand-made call may send nothing).
     *
     * @throws ApiException ValidationError for malformed JSON or a body that is not an object
     */
    static ObjectNode body(byte[] body, String operation) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return MAPPER.createObjectNode();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw validation("the " + operation + " request body is not valid JSON" + where
                    + "; send a JSON object as the AWS SDKs do");
        }
        if (root == null || !root.isObject()) {
            throw validation("the " + operation + " request body must be a JSON object");
        }
        return (ObjectNode) root;
    }

    static ApiResponse ok(JsonNode body) {
        try {
            return ApiResponse.json(200, CONTENT_TYPE, MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            // A tree we built ourselves always serializes.
            throw new IllegalStateException(e);
        }
    }

    static ApiException validation(String message) {
        return new ApiException(400, "ValidationError", message);
    }

    /** A facade error in AWS's shape: what the SDKs raise as ValidationError, ResourceNotFound or InternalFailure. */
    static ApiException error(FeatureStoreException e) {
        if (e instanceof ValidationException) {
            return validation(e.getMessage());
        }
        if (e instanceof ResourceNotFoundException) {
            return new ApiException(404, "ResourceNotFound", e.getMessage());
        }
        return new ApiException(500, "InternalFailure", e.getMessage());
    }

    /** A group named by name or by ARN ({@code arn:aws:sagemaker:…:feature-group/NAME}), as FeatureGroupNameOrArn allows. */
    static String groupName(String nameOrArn) {
        int slash = nameOrArn.indexOf(":feature-group/");
        return nameOrArn.startsWith("arn:") && slash > 0
                ? nameOrArn.substring(slash + ":feature-group/".length()) : nameOrArn;
    }
}
