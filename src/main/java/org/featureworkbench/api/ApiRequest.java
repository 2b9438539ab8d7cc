package org.featureworkbench.api;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the API handlers see it, independent of the HTTP server that received it,
 * so handlers and the SigV4 check are tested without a socket.
 *
 * @param method   the HTTP method, upper case
 * @param rawPath  the path as sent, still percent-encoded (SigV4 signs it that way)
 * @param rawQuery the query string as sent, without '?', percent-encoded; empty when none
 * @param headers  header values by lower-case name, in the order received
 * @param body     the body bytes (never null; empty when none)
 * @param remote   the client's address
 */
public record ApiRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        byte[] body, InetSocketAddress remote) {

    /** The first value of a header, by any case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
