package org.featureworkbench.api.auth;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.featureworkbench.api.ApiRequest;

/** Builds {@link ApiRequest}s as the HTTP server would hand them over: raw path and query, lower-case names. */
final class SigV4TestRequests {
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private SigV4TestRequests(String method, String target) {
        this.method = method;
        int question = target.indexOf('?');
        this.rawPath = question < 0 ? target : target.substring(0, question);
        this.rawQuery = question < 0 ? "" : target.substring(question + 1);
    }

    static SigV4TestRequests request(String method, String target) {
        return new SigV4TestRequests(method, target);
    }

    SigV4TestRequests header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
        return this;
    }

    SigV4TestRequests body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** A copy with this Authorization header instead of any earlier one. */
    SigV4TestRequests withAuthorization(String value) {
        SigV4TestRequests copy = new SigV4TestRequests(method, rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery);
        headers.forEach((name, values) -> copy.headers.put(name, new ArrayList<>(values)));
        copy.headers.put("authorization", new ArrayList<>(List.of(value)));
        copy.body = body;
        return copy;
    }

    ApiRequest build() {
        return new ApiRequest(method, rawPath, rawQuery, headers, body, new InetSocketAddress("127.0.0.1", 50000));
    }
}
