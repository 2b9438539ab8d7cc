package org.featureworkbench.query.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.query.QueryCancellation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** PSI on the fixture whose value and segment shift on 2026-11-11. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftTest {
    static final EventWindow EARLY = new EventWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-10T23:59:59Z"));
    static final EventWindow LATE = new EventWindow(Instant.parse("2026-11-11T00:00:00Z"), Instant.parse("2026-11-20T23:59:59Z"));
    @TempDir
    static Path dir;
    StatsFixture f;

    @BeforeAll
    void open() {
        f = new StatsFixture(dir).standardRows();
    }

    @AfterAll
    void close() {
        f.close();
    }

    private DriftReport drift(EventWindow reference, EventWindow current) {
        return f.store.query().drift("metrics", reference, current, new QueryCancellation());
    }

    @Test
    void identicalWindowsHaveNoDrift() {
        DriftReport r = drift(EARLY, EARLY);
        assertEquals(500, r.referenceRows());
        assertEquals(500, r.currentRows());
        assertEquals(4, r.features().size(), "value, count, segment, bonus: not the id nor the event time");
        for (FeatureDrift d : r.features()) {
            assertEquals(0, d.psi(), 1e-12, d.feature());
            assertEquals(DriftReading.STABLE, d.reading());
            assertEquals(1.0, d.buckets().stream().mapToDouble(FeatureDrift.Bucket::referenceShare).sum(), 1e-9);
        }
    }

    @Test
    void aShiftedNumberAndCategoryReadShiftedAndAnUnchangedOneStable() {
        DriftReport r = drift(EARLY, LATE);
        FeatureDrift value = r.feature("value").orElseThrow();
        assertTrue(value.psi() > 0.25, "" + value.psi());
        assertEquals(DriftReading.SHIFTED, value.reading());
        FeatureDrift segment = r.feature("segment").orElseThrow();
        assertTrue(segment.psi() > 0.25, "" + segment.psi());
        // "c" never occurs in the reference, so it falls into (other), which is where the current window's new share goes.
        FeatureDrift.Bucket other = segment.buckets().stream().filter(b -> b.label().equals("(other)")).findFirst().orElseThrow();
        assertEquals(0, other.referenceShare(), 0);
        assertTrue(other.currentShare() > 0.2, "" + other.currentShare());
        // count is uniform 0..20 in both windows.
        assertTrue(r.feature("count").orElseThrow().psi() < 0.1, "" + r.feature("count").orElseThrow().psi());
    }

    @Test
    void psiMatchesTheFormulaOnTheReportedShares() {
        FeatureDrift value = drift(EARLY, LATE).feature("value").orElseThrow();
        double psi = 0;
        for (FeatureDrift.Bucket b : value.buckets()) {
            double ref = Math.max(b.referenceShare(), 1e-4);
            double cur = Math.max(b.currentShare(), 1e-4);
            psi += (cur - ref) * Math.log(cur / ref);
        }
        assertEquals(psi, value.psi(), 1e-12);
        assertEquals(11, value.buckets().size(), "ten decile bins and (null)");
        assertEquals(0.1, value.buckets().get(0).referenceShare(), 0.03, "a decile bin holds about a tenth");
    }

    @Test
    void anEmptyWindowIsNamed() {
        EventWindow empty = new EventWindow(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-02-01T00:00:00Z"));
        FeatureStoreException e = assertThrows(FeatureStoreException.class, () -> drift(EARLY, empty));
        assertTrue(e.getMessage().startsWith("the current window 2030-01-01T00:00:00Z..2030-02-01T00:00:00Z has no rows"),
                e.getMessage());
        assertTrue(e.getMessage().contains("2026-11-01"), e.getMessage());
        e = assertThrows(FeatureStoreException.class, () -> drift(empty, EARLY));
        assertTrue(e.getMessage().startsWith("the reference window"), e.getMessage());
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefused() {
        assertThrows(FeatureStoreException.class, () -> new EventWindow(LATE.to(), LATE.from()));
    }
}
