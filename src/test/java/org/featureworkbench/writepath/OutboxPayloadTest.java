package org.featureworkbench.writepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.featureworkbench.model.FeatureStoreException;
import org.junit.jupiter.api.Test;

/** The outbox payload encoding: exact round trips, old JSON rows still readable, no escaping blow-up. */
class OutboxPayloadTest {

    @Test
    void roundTripsAnyValuesIncludingNullEmptyAndSeparators() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", "12:34:x");
        values.put("empty", "");
        values.put("missing", null);
        values.put("unicode", "Zürich ✓ \u0001\n\"{}");
        values.put("n", "-1:");
        assertEquals(values, OutboxPayload.decode(OutboxPayload.encode(values)));
    }

    @Test
    void readsRowsQueuedAsJsonByEarlierVersions() {
        assertEquals(Map.of("customer_id", "c1", "age", "30"),
                OutboxPayload.decode("{\"customer_id\":\"c1\",\"age\":\"30\"}"));
    }

    @Test
    void aMaximalRecordOfControlCharactersStillFitsTheColumn() {
        // 350 KB of U+0001: JSON would write it as 2.1 million characters, over the VARCHAR limit.
        String value = "\u0001".repeat(350 * 1024 - 10);
        String payload = OutboxPayload.encode(Map.of("v", value));
        assertTrue(payload.length() <= OutboxPayload.MAX_CHARS, "payload of " + payload.length() + " characters");
    }

    @Test
    void aTruncatedPayloadIsAClearError() {
        String payload = OutboxPayload.encode(Map.of("city", "Lyon"));
        assertThrows(FeatureStoreException.class, () -> OutboxPayload.decode(payload.substring(0, payload.length() - 2)));
    }
}
