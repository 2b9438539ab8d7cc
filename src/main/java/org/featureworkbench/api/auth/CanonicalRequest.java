package org.featureworkbench.api.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.api.ApiRequest;

/**
 * The SigV4 canonical request of a received request, built from what the client sent:
 * method, canonical URI, canonical query, the signed headers, and the payload hash.
 */
final class CanonicalRequest {
    private CanonicalRequest() {
    }

    /**
     * The canonical URIs a correct client may have signed, most likely first. Every service but
     * S3 (SageMaker included) normalizes the path and encodes the already-encoded path a second
     * time, so a group ARN's {@code %3A} is signed as {@code %253A}; S3-style signers encode once.
     * A client that signs the path once is otherwise correct, so both are accepted; accepting the
     * second form lets no one forge anything (the signature still needs the secret).
     */
    static Set<String> uriCandidates(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String normalized = UriEncoding.removeDotSegments(path);
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(UriEncoding.encode(normalized, true));
        candidates.add(UriEncoding.encode(UriEncoding.decode(normalized), true));
        candidates.add(UriEncoding.encode(UriEncoding.decode(path), true));
        return candidates;
    }

    /** Query parameters decoded and re-encoded strictly, sorted by name then value. */
    static String query(String rawQuery, boolean presigned) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = UriEncoding.encode(UriEncoding.decode(eq < 0 ? pair : pair.substring(0, eq)), false);
            String value = eq < 0 ? "" : UriEncoding.encode(UriEncoding.decode(pair.substring(eq + 1)), false);
            if (presigned && name.equals("X-Amz-Signature")) {
                continue;
            }
            pairs.add(new String[] {name, value});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            out.append(out.length() == 0 ? "" : "&").append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /**
     * The canonical headers block (each {@code name:value\n}) of the signed headers, in the order
     * the client listed them (which SigV4 requires to be sorted).
     *
     * @throws org.featureworkbench.api.ApiException 403 when a signed header is not in the request
     */
    static String headers(ApiRequest request, List<String> signedHeaders) {
        Map<String, List<String>> received = request.headers();
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = received.get(name);
            if (values == null) {
                throw AccessForbidden.garbled("the header '" + name + "' is listed in SignedHeaders but not in the"
                        + " request (a proxy may have removed it)");
            }
            out.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ",").append(trimAll(values.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String build(String method, String uri, String query, String headers, List<String> signedHeaders,
            String payloadHash) {
        return method + '\n' + uri + '\n' + query + '\n' + headers + '\n' + String.join(";", signedHeaders) + '\n'
                + payloadHash;
    }

    /** Trims and collapses runs of spaces to one, as SigV4 asks for header values. */
    private static String trimAll(String value) {
        String trimmed = value.strip();
        if (!trimmed.contains("  ")) {
            return trimmed;
        }
        return trimmed.replaceAll(" {2,}", " ");
    }
}
