package org.featureworkbench.ui.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Summary cells stay short enough for their column at 1280 px. */
class StatsFormatTest {
    @Test
    void numbersAreCompact() {
        assertEquals("99,999", StatsFormat.number(99_999.0));
        assertEquals("576.5k", StatsFormat.number(576_500.0));
        assertEquals("588.9k", StatsFormat.number(588_912.75));
        assertEquals("-2.5M", StatsFormat.number(-2_500_000.0));
        assertEquals("1.80e9", StatsFormat.number(1_796_300_000.5));
        assertEquals("447.5", StatsFormat.number(447.4912));
        assertEquals("0.1813", StatsFormat.number(0.18131));
        assertEquals("1.00e-4", StatsFormat.number(0.0001));
        assertEquals("0", StatsFormat.number(0.0));
        assertEquals("", StatsFormat.number(null));
    }
}
