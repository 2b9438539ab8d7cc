package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.featureworkbench.api.ApiResponse;

/** A runtime operation's 200 answer with a JSON body (REST-JSON: {@code application/json}). */
final class RuntimeResponses {
    private RuntimeResponses() {
    }

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, "application/json", Map.of(), body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
