package org.featureworkbench.api.server;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.featureworkbench.api.ApiTraffic;

/**
 * Counts answered requests for the status bar: totals, errors (4xx and 5xx), and how many were
 * answered in the last full second. Thread-safe; recording costs an adder increment and, once a
 * second, a short lock.
 */
final class TrafficCounter {
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongSupplier clockMillis;
    private long currentSecond;
    private long countThisSecond;
    private long countLastSecond;

    TrafficCounter(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    void record(int status) {
        requests.increment();
        if (status >= 400) {
            errors.increment();
        }
        long second = clockMillis.getAsLong() / 1000;
        synchronized (this) {
            roll(second);
            countThisSecond++;
        }
    }

    ApiTraffic traffic() {
        long second = clockMillis.getAsLong() / 1000;
        long lastFull;
        synchronized (this) {
            roll(second);
            lastFull = countLastSecond;
        }
        return new ApiTraffic(requests.sum(), errors.sum(), lastFull);
    }

    /** Moves the window to {@code second}; a gap of more than one second means the last one was quiet. */
    private void roll(long second) {
        if (second == currentSecond) {
            return;
        }
        countLastSecond = second == currentSecond + 1 ? countThisSecond : 0;
        countThisSecond = 0;
        currentSecond = second;
    }
}
