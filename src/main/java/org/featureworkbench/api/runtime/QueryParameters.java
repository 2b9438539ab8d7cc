package org.featureworkbench.api.runtime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.api.ApiException;

/**
 * The query string of a REST-JSON request, decoded. A repeated name (GetRecord's
 * {@code FeatureName}, DeleteRecord's {@code TargetStores}) keeps every value in order.
 */
public final class QueryParameters {
    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parses a raw query such as {@code RecordIdentifierValueAsString=a%20b&FeatureName=x}. */
    public static QueryParameters parse(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new QueryParameters(values);
    }

    /** Every value of {@code name}; empty when absent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The one value of {@code name}, or null when absent. */
    public String optional(String name) {
        List<String> all = all(name);
        if (all.size() > 1) {
            throw new ApiException(400, "ValidationError", "query parameter " + name + " is given "
                    + all.size() + " times; give it once");
        }
        return all.isEmpty() ? null : all.get(0);
    }

    /** The one value of {@code name}; a ValidationError naming it when absent or empty. */
    public String required(String name) {
        String value = optional(name);
        if (value == null || value.isEmpty()) {
            throw new ApiException(400, "ValidationError", "query parameter " + name + " is missing");
        }
        return value;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "ValidationError", "the query string has a malformed percent escape in '"
                    + text + "'; encode '%' as %25");
        }
    }
}
