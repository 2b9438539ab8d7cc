package org.featureworkbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's randomized test: the builder against the plain-Java reference on at least 1,000
 * generated cases, zero mismatches. A few workspaces, each with a random history written in phases
 * and many random specs over it. Reproduce a run with {@code -Dfwb.dataset.seed=N}; change its size
 * with {@code -Dfwb.dataset.cases=N}.
 */
class PointInTimeRandomizedTest {
    static final String SEED_PROPERTY = "fwb.dataset.seed";
    static final String CASES_PROPERTY = "fwb.dataset.cases";
    private static final long DEFAULT_SEED = 20261103L;
    private static final int DEFAULT_CASES = 1000;
    private static final int STORES = 4;
    private static final List<String> MUST_COVER = List.of("base=file-iso", "base=file-epoch-seconds", "base=group", "base=query",
            "base=parquet-timestamp", "base=parquet-double", "base=parquet-text",
            "duplicate-base-rows", "unmatched-ids", "lookback", "as-of", "as-of-exactly-a-write-time",
            "include-deleted", "include-duplicates", "point-in-time=false", "event-range", "recent", "limit",
            "string-and-fractional-times", "join-on-other-column", "colliding-names");
    /**
     * Not "millisecond-ties-of-equal-event-times" (two puts of one record and event time in the same
     * millisecond, told apart only by their order): bursts make them common here (about 60 a run), but
     * how common depends on how fast a put is, so the summary reports their count instead.
     */
    private static final List<String> HISTORY_MUST_HAVE = List.of("delete-markers", "out-of-order-writes",
            "equal-event-times", "re-inserts-after-delete", "backfills-in-a-later-phase");

    @TempDir
    Path dir;

    /** CPU time of this JVM, DuckDB's threads included: the wall time of an idle machine with two cores, twice. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Test
    void builderAgreesWithTheReferenceOnEveryGeneratedCase() throws Exception {
        long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        int cases = Integer.getInteger(CASES_PROPERTY, DEFAULT_CASES);
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<RandomStoreRun.Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<RandomStoreRun.Outcome>> runs = new ArrayList<>();
            for (int s = 0; s < STORES; s++) {
                long storeSeed = seed * 31 + s;
                int share = cases / STORES + (s < cases % STORES ? 1 : 0);
                Path storeDir = dir.resolve("store-" + s);
                runs.add(pool.submit(() -> RandomStoreRun.run(storeDir, storeSeed, share)));
            }
            for (Future<RandomStoreRun.Outcome> run : runs) {
                outcomes.add(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
        int compared = outcomes.stream().mapToInt(RandomStoreRun.Outcome::compared).sum();
        int ambiguous = outcomes.stream().mapToInt(RandomStoreRun.Outcome::ambiguous).sum();
        List<String> failures = outcomes.stream().flatMap(o -> o.failures().stream()).toList();
        Map<String, Integer> tags = RandomStoreRun.sum(outcomes.stream().map(RandomStoreRun.Outcome::tags).toList());
        Map<String, Integer> history = RandomStoreRun.sum(outcomes.stream().map(RandomStoreRun.Outcome::history).toList());
        System.out.printf("dataset randomized test: seed %d, %d cases compared (%d ambiguous skipped) in %.1f s "
                + "(%.1f s of CPU)%n  cases: %s%n  histories: %s%n", seed, compared, ambiguous,
                (System.nanoTime() - started) / 1e9, (processCpuNanos() - cpuStarted) / 1e9, tags, history);
        failures.forEach(failure -> System.out.println("MISMATCH " + failure + "\n"));
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + compared + " cases differ from the reference (seed " + seed
                    + "; rerun with -D" + SEED_PROPERTY + "=" + seed + "; every mismatch and the stores' histories are in this"
                    + " test's output file). First:\n"
                    + String.join("\n\n", failures.subList(0, Math.min(3, failures.size()))));
        }
        assertEquals(cases, compared);
        assertTrue(ambiguous < cases / 10, "too many generated cases were ambiguous: " + ambiguous);
        if (cases < DEFAULT_CASES) {
            return; // a shorter run (-Dfwb.dataset.cases) need not cover every kind of case
        }
        for (String tag : MUST_COVER) {
            assertTrue(tags.getOrDefault(tag, 0) > 0, "no case covered " + tag + " (seed " + seed + "): " + tags);
        }
        for (String what : HISTORY_MUST_HAVE) {
            assertTrue(history.getOrDefault(what, 0) > 0, "no history had " + what + " (seed " + seed + "): " + history);
        }
    }
}
