package org.featureworkbench.api.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.featureworkbench.model.ValidationException;

/**
 * MaxResults / NextToken paging over a list computed afresh on each call. The token is opaque to
 * clients: base64url of the operation, a fingerprint of the request's other members, and the offset
 * of the next item. A token is refused when sent with a different request (other filters, sort or
 * operation), so a client cannot silently mix two listings (ADR 0022).
 */
final class Pages {
    private Pages() {
    }

    /**
     * Puts one page of {@code items} into {@code response} under {@code member}, and a NextToken
     * when more remain.
     */
    static <T> void page(ControlRequest request, List<T> items, int maxResults, ObjectNode response, String member,
                         Function<T, ObjectNode> shape) {
        int from = request.optionalText("NextToken").map(token -> offset(request, token)).orElse(0);
        int to = (int) Math.min(items.size(), (long) from + maxResults);
        var array = response.putArray(member);
        for (T item : items.subList(Math.min(from, items.size()), to)) {
            array.add(shape.apply(item));
        }
        if (to < items.size()) {
            response.put("NextToken", token(request, to));
        }
    }

    static String token(ControlRequest request, int offset) {
        String plain = "v1|" + request.operation() + "|" + fingerprint(request) + "|" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(ControlRequest request, String token) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        if (parts.length != 4 || !parts[0].equals("v1") || !parts[1].equals(request.operation())
                || !parts[2].equals(fingerprint(request)) || !parts[3].matches("\\d{1,9}")) {
            throw new ValidationException("NextToken", "this token was not issued for this " + request.operation()
                    + " request; send it with the same filters and sort as the call that returned it, "
                    + "or leave NextToken out to start again");
        }
        return Integer.parseInt(parts[3]);
    }

    /** The request without NextToken and MaxResults: what must stay the same across pages. */
    private static String fingerprint(ControlRequest request) {
        ObjectNode rest = (ObjectNode) request.root().deepCopy();
        rest.remove("NextToken");
        rest.remove("MaxResults");
        return Integer.toHexString(rest.toString().hashCode());
    }
}
