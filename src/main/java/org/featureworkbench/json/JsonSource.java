package org.featureworkbench.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.featureworkbench.model.ValidationException;

/**
 * A parsed JSON document that remembers where each value started, so an error about a value's
 * shape can point at {@code file:line:column} like a syntax error does. Jackson's tree model
 * forgets locations, hence the second, token-level pass (requests are small).
 */
final class JsonSource {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Jackson names nested locations "[Source: REDACTED …; line: L, column: C]"; we print file:L:C. */
    private static final Pattern NESTED_LOCATION = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");

    private final String sourceName;
    private final JsonNode root;
    private final Map<String, JsonLocation> locations;

    private JsonSource(String sourceName, JsonNode root, Map<String, JsonLocation> locations) {
        this.sourceName = sourceName;
        this.root = root;
        this.locations = locations;
    }

    /**
     * Parses {@code json}.
     *
     * @throws ValidationException naming {@code sourceName:line:column} when the text is not JSON
     */
    static JsonSource parse(String json, String sourceName) {
        String text = json == null ? "" : json;
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ValidationException("", sourceName + ":" + lineColumn(e.getLocation())
                    + ": malformed JSON: " + clean(e.getOriginalMessage(), sourceName));
        }
        if (root == null || root.isMissingNode()) {
            throw new ValidationException("", sourceName + ": is empty; expected a JSON object such as "
                    + "{\"FeatureGroupName\": \"customers\", …}");
        }
        return new JsonSource(sourceName, root, locate(text));
    }

    private static Map<String, JsonLocation> locate(String text) {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser p = MAPPER.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME || t.isStructEnd()) {
                    continue;
                }
                JsonStreamContext context = p.getParsingContext();
                // At '{' or '[' the parser has already entered the new container; its path is the parent's.
                if (t.isStructStart()) {
                    context = context.getParent();
                }
                locations.put(context.pathAsPointer().toString(), p.currentTokenLocation());
            }
        } catch (IOException e) {
            // Unreachable in practice: readTree accepted the same text a moment ago.
            throw new UncheckedIOException(e);
        }
        return locations;
    }

    private static String lineColumn(JsonLocation location) {
        return location == null ? "?:?" : location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String clean(String message, String sourceName) {
        String oneLine = JsonErrorText.plain(message).replaceAll("\\s*\\R\\s*", " ");
        return NESTED_LOCATION.matcher(oneLine).replaceAll(sourceName + ":$1:$2");
    }

    String sourceName() {
        return sourceName;
    }

    JsonNode root() {
        return root;
    }

    /** Character offset of the value at {@code path}, for ordering messages; -1 when unknown. */
    long offset(JsonPath path) {
        JsonLocation location = locations.get(path.pointer());
        return location == null ? -1 : location.getCharOffset();
    }

    /** {@code source:line:column} of the value at {@code path}, or just the source name. */
    String where(JsonPath path) {
        JsonLocation location = locations.get(path.pointer());
        return location == null ? sourceName : sourceName + ":" + lineColumn(location);
    }
}
