package org.featureworkbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The highest heap use seen while it runs, sampled every 10 ms on a daemon thread. (Summing the
 * memory pools' own peaks overstates it: eden, survivor and old peak at different moments.)
 */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    HeapSampler() {
        System.gc();
        thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    long peakMb() {
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed()) >> 20;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
