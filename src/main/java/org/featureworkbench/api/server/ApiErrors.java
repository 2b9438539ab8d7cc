package org.featureworkbench.api.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.database.ConnectionLoss;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.GroupChangingException;
import org.featureworkbench.model.ResourceInUseException;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.ValidationException;

/**
 * Renders failures in AWS's error shape, which every SDK reads the same way: the status, the error
 * code in the {@code x-amzn-ErrorType} header and in the body's {@code __type}, and the body's
 * {@code message}. botocore's rest-json parser prefers the header and its JSON 1.1 parser the
 * body; the Java and JavaScript SDKs read either, so both carry the code.
 *
 * <p>The two protocols spell the common errors differently: the runtime model declares
 * {@code ValidationError} (400) and {@code ResourceNotFound} (404); the SageMaker control plane
 * answers {@code ValidationException} and {@code ResourceNotFound}, both 400.
 */
public final class ApiErrors {
    static final String RUNTIME_CONTENT_TYPE = "application/json";
    static final String CONTROL_CONTENT_TYPE = "application/x-amz-json-1.1";

    private ApiErrors() {
    }

    /** The failure as an {@link ApiException} with status, code and a message in our words. */
    public static ApiException classify(Throwable failure, boolean controlPlane, String unexpectedMessage) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof ValidationException) {
            return new ApiException(400, controlPlane ? "ValidationException" : "ValidationError", failure.getMessage());
        }
        if (failure instanceof ResourceNotFoundException) {
            return new ApiException(controlPlane ? 400 : 404, "ResourceNotFound", failure.getMessage());
        }
        if (failure instanceof ResourceInUseException) {
            return new ApiException(400, "ResourceInUse", failure.getMessage());
        }
        if (failure instanceof GroupChangingException) {
            // transient: the SDKs retry a ServiceUnavailable, and the change is done in moments
            return serviceUnavailable(failure.getMessage());
        }
        if (ConnectionLoss.isLost(failure)) {
            return serviceUnavailable("the workspace database is changing hands between processes; retry the call");
        }
        if (failure instanceof FeatureStoreException) {
            // Its message is written for users (what, where, how to fix); the code says it is ours.
            return new ApiException(500, "InternalFailure", failure.getMessage());
        }
        return new ApiException(500, "InternalFailure", unexpectedMessage);
    }

    /** 503 ServiceUnavailable, e.g. while the server or the store is closing. */
    public static ApiException serviceUnavailable(String message) {
        return new ApiException(503, "ServiceUnavailable", message);
    }

    /** The response for {@code error}. */
    public static ApiResponse render(ApiException error, boolean controlPlane) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", error.code());
        body.put("message", error.getMessage());
        // The models name the member "Message"; the JavaScript SDK fills its exception's field from it.
        body.put("Message", error.getMessage());
        return new ApiResponse(error.status(), controlPlane ? CONTROL_CONTENT_TYPE : RUNTIME_CONTENT_TYPE,
                Map.of("x-amzn-ErrorType", error.code()), body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
