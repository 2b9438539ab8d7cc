package org.featureworkbench.api.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.FeatureValues;
import org.featureworkbench.model.OnlineRecord;
import org.junit.jupiter.api.Test;

/**
 * GetRecord's hand-written body against what Jackson's compact generator writes for the same
 * record (the writer it replaced), byte for byte, over values with every kind of character JSON
 * escapes or encodes in more than one byte.
 */
class RecordResponsesTest {
    private static final Instant EVENT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aMissingRecordIsAnEmptyObject() {
        assertEquals("{}", text(RecordResponses.getRecord(Optional.empty(), true)));
    }

    @Test
    void featuresWithoutAValueAreLeftOutAndExpiresAtFollowsTheList() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", "c-1");
        values.put("empty", null);
        values.put("amount", 12.5);
        values.put("count", 7L);
        OnlineRecord record = new OnlineRecord("g", "c-1", EVENT, Instant.parse("2026-02-01T00:00:00Z"), values);
        assertEquals("{\"Record\":[{\"FeatureName\":\"id\",\"ValueAsString\":\"c-1\"},{\"FeatureName\":\"amount\","
                + "\"ValueAsString\":\"12.5\"},{\"FeatureName\":\"count\",\"ValueAsString\":\"7\"}],"
                + "\"ExpiresAt\":\"2026-02-01T00:00:00Z\"}", text(RecordResponses.getRecord(Optional.of(record), true)));
        assertEquals("{\"Record\":[{\"FeatureName\":\"id\",\"ValueAsString\":\"c-1\"},{\"FeatureName\":\"amount\","
                + "\"ValueAsString\":\"12.5\"},{\"FeatureName\":\"count\",\"ValueAsString\":\"7\"}]}",
                text(RecordResponses.getRecord(Optional.of(record), false)));
    }

    @Test
    void aRecordWithNoValuesHasAnEmptyList() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("a", null);
        OnlineRecord record = new OnlineRecord("g", "x", EVENT, null, values);
        assertEquals("{\"Record\":[]}", text(RecordResponses.getRecord(Optional.of(record), true)));
    }

    @Test
    void bytesAreThoseOfJacksonsCompactGeneratorForEveryKindOfCharacter() throws IOException {
        String alphabet = "aZ09 -_:./\"\\\b\t\n\f\r\u0000\u0001\u001f\u007f\u0080é\u07ff\u0800€\uffff\ud83d\ude00"
                + "\u2028中";
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 2000; round++) {
            Map<String, Object> values = new LinkedHashMap<>();
            int features = 1 + random.nextInt(5);
            for (int f = 0; f < features; f++) {
                values.put(randomText(random, alphabet) + f, switch (random.nextInt(4)) {
                    case 0 -> random.nextLong();
                    case 1 -> random.nextDouble() * 1e6;
                    case 2 -> null;
                    default -> randomText(random, alphabet);
                });
            }
            Instant expiresAt = random.nextBoolean() ? null : EVENT.plusSeconds(random.nextInt(1_000_000));
            OnlineRecord record = new OnlineRecord("g", "x", EVENT, expiresAt, values);
            boolean withExpiry = random.nextBoolean();
            byte[] ours = RecordResponses.getRecord(Optional.of(record), withExpiry);
            assertArrayEquals(jackson(record, withExpiry), ours, () -> text(ours));
            // and it is JSON that reads back to the same names and values
            var read = new ObjectMapper().readTree(ours).get("Record");
            int at = 0;
            for (var value : values.entrySet()) {
                if (value.getValue() != null) {
                    assertEquals(value.getKey(), read.get(at).get("FeatureName").asText());
                    assertEquals(FeatureValues.format(value.getValue()), read.get(at++).get("ValueAsString").asText());
                }
            }
            assertEquals(at, read.size());
        }
    }

    private static String randomText(SplittableRandom random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            // mostly whole pairs, sometimes half of one (which Jackson writes as an escape too)
            if (Character.isHighSurrogate(c) && random.nextInt(4) > 0) {
                text.append(c).append(alphabet.charAt(at + 1));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** The writer RecordResponses used before (Jackson's streaming generator, compact). */
    private static byte[] jackson(OnlineRecord r, boolean withExpiry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = new JsonFactory().createGenerator(bytes)) {
            out.writeStartObject();
            out.writeFieldName("Record");
            out.writeStartArray();
            for (var value : r.values().entrySet()) {
                if (value.getValue() != null) {
                    out.writeStartObject();
                    out.writeStringField("FeatureName", value.getKey());
                    out.writeStringField("ValueAsString", FeatureValues.format(value.getValue()));
                    out.writeEndObject();
                }
            }
            out.writeEndArray();
            if (withExpiry && r.expiresAt() != null) {
                out.writeStringField("ExpiresAt", EventTimes.format(r.expiresAt(), FeatureType.STRING));
            }
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
