package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.api.RequestAuthenticator;
import org.featureworkbench.model.ResourceInUseException;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.ValidationException;
import org.junit.jupiter.api.Test;

/** Authentication, failure classification and error rendering, on ApiRequest values without a socket. */
class ApiDispatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiRequest GET = request("GET", "/FeatureGroup/customers", Map.of());
    private static final ApiRequest CONTROL = request("POST", "/", Map.of("x-amz-target", List.of("SageMaker.DescribeFeatureGroup")));

    @Test
    void anUnexpectedFailureIsInternalFailureThatNamesTheLogNotTheClass() throws Exception {
        ApiResponse response = dispatch(GET, r -> {
            throw new NullPointerException("Cannot invoke \"org.example.Thing.get()\" because \"x\" is null");
        });
        JsonNode body = assertError(response, 500, "InternalFailure");
        assertTrue(body.get("message").asText().contains("workspace log (/ws/logs)"), body.toString());
        assertFalse(body.toString().contains("NullPointer") || body.toString().contains("org.example"), body.toString());
    }

    @Test
    void aLostDatabaseConnectionIsServiceUnavailable() throws Exception {
        ApiResponse response = dispatch(GET, r -> {
            throw new IllegalStateException(new SQLException("Connection is broken", "08006", 90067));
        });
        assertError(response, 503, "ServiceUnavailable");
    }

    @Test
    void aClosingServerAnswersServiceUnavailable() throws Exception {
        ApiDispatcher dispatcher = new ApiDispatcher(r -> ApiResponse.empty(200), RequestAuthenticator.ACCEPT_ALL, null);
        assertEquals(200, dispatcher.dispatch(GET).status());
        dispatcher.closing();
        assertError(dispatcher.dispatch(GET), 503, "ServiceUnavailable");
    }

    @Test
    void aRefusedSignatureIsAccessForbiddenBeforeAnyHandlerRuns() throws Exception {
        boolean[] handled = new boolean[1];
        ApiDispatcher dispatcher = new ApiDispatcher(r -> {
            handled[0] = true;
            return ApiResponse.empty(200);
        }, r -> {
            throw new ApiException(403, "AccessForbidden", "the signature does not match");
        }, null);
        JsonNode body = assertError(dispatcher.dispatch(GET), 403, "AccessForbidden");
        assertEquals("the signature does not match", body.get("message").asText());
        assertFalse(handled[0]);
    }

    @Test
    void storeExceptionsMapToEachProtocolsCodes() throws Exception {
        assertError(dispatch(GET, thrower(new ValidationException("age", "not a number"))), 400, "ValidationError");
        assertError(dispatch(GET, thrower(new ResourceNotFoundException("no group"))), 404, "ResourceNotFound");
        assertError(dispatch(GET, thrower(new ResourceInUseException("busy"))), 400, "ResourceInUse");
        ApiResponse control = dispatch(CONTROL, thrower(new ResourceNotFoundException("no group")));
        assertError(control, 400, "ResourceNotFound");
        assertEquals("application/x-amz-json-1.1", control.contentType());
        assertError(dispatch(CONTROL, thrower(new ValidationException("x", "bad"))), 400, "ValidationException");
        JsonNode message = assertError(dispatch(GET, thrower(new ValidationException("age", "not a number"))),
                400, "ValidationError");
        assertEquals("age: not a number", message.get("message").asText());
    }

    private static Function<ApiRequest, ApiResponse> thrower(RuntimeException e) {
        return r -> {
            throw e;
        };
    }

    private static ApiResponse dispatch(ApiRequest request, Function<ApiRequest, ApiResponse> router) {
        return new ApiDispatcher(router, RequestAuthenticator.ACCEPT_ALL, Path.of("/ws/logs")).dispatch(request);
    }

    private static ApiRequest request(String method, String path, Map<String, List<String>> headers) {
        return new ApiRequest(method, path, "", headers, new byte[0], null);
    }

    private static JsonNode assertError(ApiResponse response, int status, String code) throws Exception {
        assertEquals(status, response.status());
        assertEquals(code, response.headers().get("x-amzn-ErrorType"));
        JsonNode body = JSON.readTree(response.body());
        assertEquals(code, body.get("__type").asText());
        assertEquals(body.get("message"), body.get("Message"));
        return body;
    }
}
