package org.featureworkbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop load for {@code bench api}: {@code threads} callers each call as fast as the
 * previous call returns, for a fixed time after a warm-up; every call's latency is kept.
 */
final class ApiBenchLoad {
    /** One call; {@code thread} and {@code n} let the caller vary ids without shared state. */
    interface Call {
        void run(int thread, long n) throws Exception;
    }

    /** What one phase measured. */
    record Result(String name, int threads, long calls, double seconds, Percentiles latency, long cpuNanos,
                  long serverCpuNanos, long clientCpuNanos) {
        double perSecond() {
            return calls / seconds;
        }

        /** This process's CPU time per call (client and server alike): unlike latency, barely moved by other load. */
        double cpuMicrosPerCall() {
            return cpuNanos / 1000.0 / calls;
        }

        /**
         * The CPU time of the server's threads (Jetty's pool: selector, acceptor, request threads;
         * kernel time of their socket calls included) per call; 0 for calls that do not go
         * through the server.
         */
        double serverCpuMicrosPerCall() {
            return serverCpuNanos / 1000.0 / calls;
        }

        /** The CPU time of the calling threads per call: the client's side (or the whole call in-process). */
        double clientCpuMicrosPerCall() {
            return clientCpuNanos / 1000.0 / calls;
        }
    }

    private ApiBenchLoad() {
    }

    static Result run(String name, int threads, Duration warmUp, Duration measure, Call call) throws Exception {
        drive(threads, warmUp, call, false, new long[1]);
        long cpuBefore = processCpuNanos();
        long serverBefore = threadsCpuNanos(SERVER_THREADS);
        long[] clientCpu = new long[1];
        long[][] samples = drive(threads, measure, call, true, clientCpu);
        long cpu = processCpuNanos() - cpuBefore;
        long serverCpu = threadsCpuNanos(SERVER_THREADS) - serverBefore;
        long calls = Arrays.stream(samples).mapToLong(s -> s.length).sum();
        long[] all = new long[(int) calls];
        int at = 0;
        for (long[] s : samples) {
            System.arraycopy(s, 0, all, at, s.length);
            at += s.length;
        }
        return new Result(name, threads, calls, measure.toNanos() / 1e9, new Percentiles(all), cpu,
                serverCpu, clientCpu[0]);
    }

    /**
     * Runs {@code call} on {@code threads} threads in rounds of {@code round} until the JIT compiled
     * for less than 1% of a round (at most {@code maxRounds}). On a quiet box one round does; on a
     * busy one the compiler threads get little CPU, and a phase measured before they finish runs
     * the SDK's code interpreted: 10-30x the CPU per call of the same phase once compiled.
     *
     * @return how many rounds it took ({@code maxRounds + 1} when the JIT never went quiet)
     */
    static int warmUntilCompiled(int threads, Duration round, int maxRounds, Call call) throws Exception {
        var jit = ManagementFactory.getCompilationMXBean();
        for (int i = 1; i <= maxRounds; i++) {
            long before = jit.getTotalCompilationTime();
            drive(threads, round, call, false, new long[1]);
            if (jit.getTotalCompilationTime() - before < round.toMillis() / 100) {
                return i;
            }
        }
        return maxRounds + 1;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The name prefix of the server's threads (its pool and its sweeper). */
    private static final String SERVER_THREADS = "fwb-api";

    /**
     * The summed CPU time of the live threads whose names start with {@code prefix}. A pool thread
     * that ends within a phase takes its time along (Jetty's pool keeps idle threads for a minute,
     * longer than a phase), so this can only undercount.
     */
    private static long threadsCpuNanos(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    /** Runs the callers; adds their own CPU time (measured by each at its end) to {@code cpuNanos[0]}. */
    private static long[][] drive(int threads, Duration length, Call call, boolean keep, long[] cpuNanos)
            throws Exception {
        LongAdder callersCpu = new LongAdder();
        long[][] samples = new long[threads][];
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] end = new long[1];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                long cpuAtStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long[] mine = new long[1 << 16];
                int count = 0;
                try {
                    start.await();
                    long n = 0;
                    while (System.nanoTime() < end[0]) {
                        long begin = System.nanoTime();
                        call.run(thread, n++);
                        long took = System.nanoTime() - begin;
                        if (keep) {
                            if (count == mine.length) {
                                mine = Arrays.copyOf(mine, count * 2);
                            }
                            mine[count++] = took;
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
                samples[thread] = Arrays.copyOf(mine, count);
                callersCpu.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAtStart);
            }, "bench-api-" + t);
            workers.add(worker);
            worker.start();
        }
        end[0] = System.nanoTime() + length.toNanos();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        cpuNanos[0] += callersCpu.sum();
        return samples;
    }
}
