package org.featureworkbench.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP response: status, extra headers and body.
 *
 * @param status      the HTTP status
 * @param contentType the Content-Type, e.g. {@code application/json} or {@code application/x-amz-json-1.1}
 * @param headers     extra headers (e.g. {@code x-amzn-ErrorType}); never null
 * @param body        the body bytes; empty for none
 */
public record ApiResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    /** A JSON body with no extra headers. */
    public static ApiResponse json(int status, String contentType, String json) {
        return new ApiResponse(status, contentType, Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    /** No body, e.g. PutRecord's 200. */
    public static ApiResponse empty(int status) {
        return new ApiResponse(status, "application/json", Map.of(), new byte[0]);
    }
}
