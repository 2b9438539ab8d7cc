package org.featureworkbench.online;

import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.WriteOutcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real H2 file database opened as the workspace opens it, plus H2's own concerns. */
class H2OnlineStoreTest extends OnlineStoreContractTest {
    @TempDir
    Path workspace;
    JdbcConnectionPool pool;

    @Override
    protected OnlineStore openStore(MutableClock clock) {
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + workspace.resolve("online").resolve("workbench")
                + ";AUTO_SERVER=TRUE", "fwb", "");
        pool.setMaxConnections(32);
        return new H2OnlineStore(pool, clock);
    }

    @AfterEach
    void disposePool() {
        pool.dispose();
    }

    /**
     * A journal replay may re-apply a hard delete whose row was put again afterwards (ADR 0010,
     * addendum of 2026-12-05): a put invoked after the delete stays, even with an older event time.
     */
    @Test
    void aReplayedHardDeleteLeavesARowWrittenAfterIt() throws Exception {
        Instant deleteInvoked = clock.instant();
        clock.advance(java.time.Duration.ofSeconds(1));
        put(customer("c1", 10, 30L, null)); // re-put after the delete, with an event time before the delete's

        assertFalse(replayHardDelete("c1", 20, deleteInvoked), "a later write stays");
        assertEquals(30L, age("c1"));

        assertFalse(replayHardDelete("c1", 5, clock.instant()), "a newer version is not removed, nor refused");
        assertEquals(30L, age("c1"));

        assertTrue(replayHardDelete("c1", 20, clock.instant()), "the delete the row never saw applies");
        assertTrue(store.get(customers, "c1", null).isEmpty());
        assertFalse(replayHardDelete("c1", 20, clock.instant()), "nothing left to delete");
    }

    private boolean replayHardDelete(String id, long secondsAfterT0, Instant invokedAt) throws Exception {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            boolean removed = store.replayHardDelete(c, customers, id, Instant.ofEpochSecond(T0 + secondsAfterT0),
                    invokedAt);
            c.commit();
            return removed;
        }
    }

    @Test
    void outcomesAreTheSameWhetherRecentPutsMadeItTryInsertOrUpdateFirst() {
        for (boolean primeWithInserts : new boolean[] {true, false}) {
            String p = primeWithInserts ? "i" : "u";
            for (int i = 0; i < 20; i++) { // 20 new ids, then (for "u") 20 newer versions of them
                store.put(customers, customer(p + "prime" + i, 1, 1L, null), null);
            }
            for (int i = 0; !primeWithInserts && i < 20; i++) {
                store.put(customers, customer(p + "prime" + i, 2, 2L, null), null);
            }
            store.put(customers, customer(p + "x", 10, 1L, null), null);
            assertEquals(WriteOutcome.NEWER_WRITTEN, store.put(customers, customer(p + "x", 20, 2L, null), null), p);
            assertEquals(WriteOutcome.EQUAL_OVERWRITTEN, store.put(customers, customer(p + "x", 20, 3L, null), null), p);
            assertEquals(WriteOutcome.OLDER_IGNORED, store.put(customers, customer(p + "x", 15, 4L, null), null), p);
            assertEquals(WriteOutcome.NEWER_WRITTEN, store.put(customers, customer(p + "new", 5, 5L, null), null), p);
            assertEquals(3L, store.get(customers, p + "x", null).orElseThrow().value("age"), p);
            assertEquals(5L, store.get(customers, p + "new", null).orElseThrow().value("age"), p);
        }
    }

    @Test
    void aPutInTheCallersTransactionIsGoneWhenTheCallerRollsBack() throws Exception {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            assertEquals(WriteOutcome.NEWER_WRITTEN,
                    store.put(c, customers, customer("c1", 10, 30L, 0.5), null, Instant.now()));
            c.rollback();
            c.setAutoCommit(true);
        }
        assertTrue(store.get(customers, "c1", null).isEmpty());
    }

    @Test
    void fourThreadsWritingTheSameIdsEndWithTheNewestEventTimePerId() throws Exception {
        int ids = 20;
        Map<String, Long> newest = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 150; i++) {
                        String id = "c" + random.nextInt(ids);
                        long second = random.nextLong(100_000);
                        // The age carries the event time, so the stored row shows which write won.
                        put(customer(id, second, second, null));
                        newest.merge(id, second, Math::max);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        for (Map.Entry<String, Long> e : newest.entrySet()) {
            OnlineRecord read = store.get(customers, e.getKey(), null).orElseThrow();
            assertEquals(e.getValue(), read.value("age"), "age of " + e.getKey());
            assertEquals(Instant.ofEpochSecond(T0 + e.getValue()), read.eventTime());
        }
        assertEquals(newest.size(), store.count(customers));
    }

    @Test
    void purgeRemovesAnExpiredRowButNotOneRenewedSince() throws Exception {
        store.put(customers, customer("c1", 0, 30L, null), Instant.ofEpochSecond(T0 + 10));
        store.put(customers, customer("c2", 0, 30L, null), Instant.ofEpochSecond(T0 + 10));
        put(customer("c2", 20, 31L, null));

        try (Connection c = pool.getConnection()) {
            assertTrue(store.purgeExpired(c, customers, "c1", clock.instant()));
            assertEquals(false, store.purgeExpired(c, customers, "c2", clock.instant()));
        }
        assertTrue(store.expiredIds(customers, clock.instant(), 10).isEmpty());
        assertEquals(31L, age("c2"));
    }
}
