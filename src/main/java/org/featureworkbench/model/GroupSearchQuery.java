package org.featureworkbench.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A search over feature groups, like SageMaker's Search on FeatureGroup resources.
 * All given criteria must match (AND).
 *
 * @param text          case-insensitive free text matched against name, description, record id
 *                      name, feature names and tag keys/values; null or blank matches all
 * @param tags          tags that must be present with exactly these values; empty matches all
 * @param createdAfter  inclusive lower bound on creation time, or null
 * @param createdBefore inclusive upper bound on creation time, or null
 */
public record GroupSearchQuery(String text, Map<String, String> tags, Instant createdAfter, Instant createdBefore) {
    public static final GroupSearchQuery ALL = new GroupSearchQuery(null, Map.of(), null, null);

    public GroupSearchQuery {
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public static GroupSearchQuery text(String text) {
        return new GroupSearchQuery(text, Map.of(), null, null);
    }
}
