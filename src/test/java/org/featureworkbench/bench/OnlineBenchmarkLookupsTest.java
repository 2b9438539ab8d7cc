package org.featureworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OnlineBenchmarkLookupsTest {

    @Test
    void lookupsOnlyMeasuresEveryIdOnBothSidesAndPrintsOnlyTheGetRecordRows() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // 2,500 lookups: two full blocks and a partial one, so both sides go first at least once.
        int code = new OnlineBenchmark(500, 2_500, true, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(0, code);
        assertTrue(out.contains("500 records x 20 features, 2,500 lookups"), out);
        assertTrue(out.contains("GetRecord p99 "), out);
        assertTrue(out.contains("GetRecord p99.9"), out);
        assertTrue(out.contains("page cache misses"), out);
        assertFalse(out.contains("PutRecord"), out);
    }

    @Test
    void percentilesUseTheNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000L;
        }
        Percentiles p = new Percentiles(nanos);
        assertEquals(50.0, p.micros(50));
        assertEquals(99.0, p.micros(99));
        assertEquals(100.0, p.micros(99.9));
        assertEquals(100, p.count());
    }
}
