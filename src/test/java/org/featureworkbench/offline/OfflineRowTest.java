package org.featureworkbench.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ValidationException;
import org.junit.jupiter.api.Test;

class OfflineRowTest {
    private final FeatureGroup iso = OfflineTestGroups.customers(FeatureType.STRING);
    private final FeatureGroup fractional = OfflineTestGroups.customers(FeatureType.FRACTIONAL);

    @Test
    void eventTimeIsParsedFromAnIsoValueWithMillis() {
        OfflineRow row = OfflineRow.of(iso.definition(),
                Map.of("customer_id", "c", "EventTime", "2024-03-01T10:00:00.120Z"), Instant.EPOCH);
        assertEquals(Instant.parse("2024-03-01T10:00:00.120Z"), row.eventTime());
        assertNull(row.writeTime());
    }

    @Test
    void eventTimeIsParsedFromFractionalSecondsToTheMillisecond() {
        OfflineRow row = OfflineRow.of(fractional.definition(),
                Map.of("customer_id", "c", "EventTime", 1700000000.123), Instant.EPOCH);
        assertEquals(Instant.ofEpochMilli(1700000000123L), row.eventTime());
    }

    @Test
    void aMissingEventTimeNamesTheFeature() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> OfflineRow.of(iso.definition(), Map.of("customer_id", "c"), Instant.EPOCH));
        assertEquals("EventTime", e.field());
        assertTrue(e.reason().contains("missing"), e.reason());
    }

    @Test
    void anIsoEventTimeInAnotherFormatIsRejected() {
        assertThrows(ValidationException.class, () -> OfflineRow.of(iso.definition(),
                Map.of("customer_id", "c", "EventTime", "2024-03-01 10:00:00"), Instant.EPOCH));
    }

    @Test
    void aDeleteMarkerWritesTheEventTimeInTheGroupsOwnForm() {
        Instant t = Instant.parse("2024-03-01T10:00:00.500Z");
        OfflineRow marker = OfflineRow.deleteMarker(iso.definition(), "c7", t, t);
        assertTrue(marker.isDeleted());
        assertEquals(Map.of("customer_id", "c7", "EventTime", "2024-03-01T10:00:00.500Z"), marker.values());
        assertEquals(1709287200.5, OfflineRow.deleteMarker(fractional.definition(), "c7", t, t).value("EventTime"));
    }

    @Test
    void valuesAreCopiedAndMayBeNull() {
        Map<String, Object> values = new HashMap<>(Map.of("customer_id", "c", "EventTime", "2024-03-01T10:00:00Z"));
        values.put("city", null);
        OfflineRow row = OfflineRow.of(iso.definition(), values, Instant.EPOCH);
        values.put("city", "changed");
        assertNull(row.value("city"));
        assertTrue(row.values().containsKey("city"));
    }
}
