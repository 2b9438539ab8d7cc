package org.featureworkbench.writepath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.featureworkbench.model.FeatureStoreException;

/**
 * The outbox row's copy of a record's values (feature name → value as string), length-prefixed:
 * {@code v1|} then, per feature, {@code <name length>:<name><value length or -1 for null>:<value>}.
 *
 * <p>Why not JSON: JSON escapes control characters six-fold, so a legal 350 KB record could
 * outgrow the 1,000,000-character VARCHAR the payload lives in (a CLOB would fit it, but sends
 * every outbox row through H2's LOB store, which was the larger part of a put's and a flush's
 * database work); length prefixes add a few digits per feature and need no escaping or parser.
 * Rows written by older versions (a JSON object) are still read.
 */
final class OutboxPayload {
    /** Longest payload a record can produce: 350 KB of UTF-8 is at most 358,400 characters, plus prefixes. */
    static final int MAX_CHARS = 1_000_000;
    private static final String MAGIC = "v1|";
    private static final ObjectMapper LEGACY_JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> LEGACY_VALUES = new TypeReference<>() { };

    private OutboxPayload() {
    }

    static String encode(Map<String, String> values) {
        StringBuilder sb = new StringBuilder(MAGIC.length() + values.size() * 24);
        sb.append(MAGIC);
        for (Map.Entry<String, String> e : values.entrySet()) {
            sb.append(e.getKey().length()).append(':').append(e.getKey());
            String v = e.getValue();
            if (v == null) {
                sb.append("-1:");
            } else {
                sb.append(v.length()).append(':').append(v);
            }
        }
        return sb.toString();
    }

    static Map<String, String> decode(String payload) {
        if (!payload.startsWith(MAGIC)) {
            return decodeLegacy(payload);
        }
        Map<String, String> values = new LinkedHashMap<>();
        int[] pos = {MAGIC.length()};
        while (pos[0] < payload.length()) {
            String name = next(payload, pos);
            values.put(name, next(payload, pos));
        }
        return values;
    }

    /** Reads {@code <length>:<chars>} at {@code pos[0]} and moves past it; length -1 is null. */
    private static String next(String payload, int[] pos) {
        int colon = payload.indexOf(':', pos[0]);
        if (colon < 0) {
            throw unreadable("no length prefix at " + pos[0]);
        }
        int length = Integer.parseInt(payload, pos[0], colon, 10);
        if (length < 0) {
            pos[0] = colon + 1;
            return null;
        }
        int end = colon + 1 + length;
        if (end > payload.length()) {
            throw unreadable("a value runs past the end");
        }
        pos[0] = end;
        return payload.substring(colon + 1, end);
    }

    private static Map<String, String> decodeLegacy(String json) {
        try {
            return LEGACY_JSON.readValue(json, LEGACY_VALUES);
        } catch (JsonProcessingException e) {
            throw unreadable(e.getOriginalMessage());
        }
    }

    private static FeatureStoreException unreadable(String why) {
        return new FeatureStoreException("an outbox row is unreadable (" + why + ")");
    }
}
