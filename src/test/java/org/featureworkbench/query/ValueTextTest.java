package org.featureworkbench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValueTextTest {
    @Test
    void doublesReadAsPlainDigitsInTheEverydayRangeAndInstantsAsIso() {
        assertEquals("1796447556.605", ValueText.of(1.796447556605E9), "a Fractional event time");
        assertEquals("12000000", ValueText.of(1.2E7));
        assertEquals("0.5", ValueText.of(0.5));
        assertEquals("1.0E-10", ValueText.of(1e-10), "beyond the everyday range: as the stores write it");
        assertEquals("NaN", ValueText.of(Double.NaN));
        assertEquals("2026-01-01T00:00:00Z", ValueText.of(Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals("42", ValueText.of(42L));
        assertEquals("", ValueText.of(null));
    }
}
