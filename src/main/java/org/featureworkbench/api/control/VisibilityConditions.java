package org.featureworkbench.api.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.featureworkbench.model.ValidationException;

/**
 * Search's {@code VisibilityConditions}: up to five {@code {"Key": "Tags.<key>", "Value": …}}. As the
 * service model says, a resource that has one of those tags is listed only when the tag's value
 * matches; a resource without the tag is listed all the same. (FeatureMetadata resources carry no
 * tags, so the conditions never hide one.) Immutable.
 */
final class VisibilityConditions {
    private static final String MEMBER = "VisibilityConditions";
    private static final int MAX_CONDITIONS = 5;
    /** The model's pattern for both Key and Value: letters, spaces, digits and _ . : / = + - @. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final String TAGS = "Tags.";

    private final Map<String, String> tagValues;

    private VisibilityConditions(Map<String, String> tagValues) {
        this.tagValues = tagValues;
    }

    static VisibilityConditions read(ControlRequest request) {
        if (request.member(MEMBER).map(JsonNode::isNull).orElse(true)) {
            return new VisibilityConditions(Map.of());
        }
        Map<String, String> conditions = request.keyValues(MEMBER);
        int sent = request.member(MEMBER).orElseThrow().size();
        if (sent < 1 || sent > MAX_CONDITIONS) {
            throw new ValidationException(MEMBER, "give 1 to " + MAX_CONDITIONS + " conditions, got " + sent);
        }
        conditions.forEach((key, value) -> {
            if (!key.startsWith(TAGS) || key.length() == TAGS.length() || key.length() > 128
                    || !ALLOWED.matcher(key).matches()) {
                throw new ValidationException(MEMBER, "Key '" + key + "' must name a tag as Tags.<key> (at most"
                        + " 128 characters: letters, digits, spaces and _ . : / = + - @), e.g. Tags.team");
            }
            if (value.length() > 256 || !ALLOWED.matcher(value).matches()) {
                throw new ValidationException(MEMBER, "the Value of " + key + " must be at most 256 characters of"
                        + " letters, digits, spaces and _ . : / = + - @");
            }
        });
        return new VisibilityConditions(Map.copyOf(conditions));
    }

    /** Whether the conditions let {@code resource} be listed. */
    boolean allows(JsonNode resource) {
        for (Map.Entry<String, String> condition : tagValues.entrySet()) {
            List<JsonNode> values = PropertyValues.of(resource, condition.getKey());
            if (!values.isEmpty() && values.stream().noneMatch(v -> v.asText().equals(condition.getValue()))) {
                return false;
            }
        }
        return true;
    }
}
