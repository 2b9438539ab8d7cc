package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the stats and drift tables print numbers. */
class StatsNumbersTest {

    @Test
    void epochSecondsKeepTheirDigitsAndOnlyExtremesUseExponents() {
        assertEquals("1700000123.456", StatsCommand.Numbers.value(1_700_000_123.456), "a mean of Fractional event times");
        assertEquals("42.5", StatsCommand.Numbers.value(42.5));
        assertEquals("1700000000", StatsCommand.Numbers.value(1.7e9));
        assertEquals("1.2346e+20", StatsCommand.Numbers.value(1.23456e20));
        assertEquals("1.5000e-05", StatsCommand.Numbers.value(0.000015));
    }
}
