package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.TypedRecord;
import org.junit.jupiter.api.Test;

/** The compact version map: values survive the encoding exactly; newest (or equal, later) wins. */
class OnlineVersionsTest {
    private static final String[] NAMES = {"n", "id", "d", "s"};

    @Test
    void valuesRoundTripExactlyAndAbsentValuesStayAbsent() {
        OnlineVersions v = new OnlineVersions(NAMES, 1);
        String big = "é€😀x".repeat(5000);
        v.offer(new Object[] {Long.MIN_VALUE, "a", -0.0d, ""}, 1);
        v.offer(new Object[] {null, "b", Double.MAX_VALUE, big}, 2);
        v.offer(new Object[] {42L, "c", null, null}, 3);
        v.offer(new Object[] {-1L, 7L, 1e-300, "ü".repeat(200)}, 4);

        Map<Object, TypedRecord> got = new HashMap<>();
        v.take(10).forEach(r -> got.put(r.recordIdentifier(), r));

        assertEquals(Map.of("n", Long.MIN_VALUE, "d", -0.0d, "s", ""), got.get("a").values());
        assertEquals(Map.of("d", Double.MAX_VALUE, "s", big), got.get("b").values());
        assertEquals(Map.of("n", 42L), got.get("c").values());
        assertEquals(Map.of("n", -1L, "d", 1e-300, "s", "ü".repeat(200)), got.get(7L).values());
        assertEquals(Instant.ofEpochMilli(4), got.get(7L).eventTime());
        assertEquals(0, v.size());
    }

    @Test
    void newestWinsAndOfEqualEventTimesTheLaterRowAndTakeDrainsInBatches() {
        OnlineVersions v = new OnlineVersions(NAMES, 1);
        v.offer(new Object[] {1L, "a", null, null}, 20);
        v.offer(new Object[] {2L, "a", null, null}, 10);
        v.offer(new Object[] {3L, "a", null, null}, 20);
        v.offer(new Object[] {4L, "b", null, null}, 5);
        v.offer(new Object[] {5L, "c", null, null}, 5);

        List<TypedRecord> all = new ArrayList<>(v.take(2));
        assertEquals(2, all.size());
        all.addAll(v.take(2));
        assertEquals(3, all.size());
        assertFalse(all.isEmpty());
        TypedRecord a = all.stream().filter(r -> r.recordIdentifier().equals("a")).findFirst().orElseThrow();
        assertEquals(3L, a.value("n"));
        assertEquals(Instant.ofEpochMilli(20), a.eventTime());
    }

    @Test
    void takeHandsOutIdsInKeyOrderAcrossBatchesAndSeesLaterOffers() {
        OnlineVersions v = new OnlineVersions(NAMES, 1);
        for (String id : List.of("m", "c", "x", "a", "q")) {
            v.offer(new Object[] {1L, id, null, null}, 1);
        }
        List<Object> ids = new ArrayList<>();
        v.take(2).forEach(r -> ids.add(r.recordIdentifier()));
        assertEquals(List.of("a", "c"), ids);
        v.offer(new Object[] {2L, "b", null, null}, 1);
        v.offer(new Object[] {3L, "x", null, null}, 2);
        List<TypedRecord> rest = v.take(10);
        assertEquals(List.of("b", "m", "q", "x"), rest.stream().map(TypedRecord::recordIdentifier).toList());
        assertEquals(3L, rest.get(3).value("n"));
        assertEquals(0, v.size());
        assertEquals(List.of(), v.take(10));
    }
}
