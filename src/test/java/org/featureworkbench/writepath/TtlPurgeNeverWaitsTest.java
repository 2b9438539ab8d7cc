package org.featureworkbench.writepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.offline.ParquetOfflineStore;
import org.featureworkbench.online.H2OnlineStore;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: "Expiry never stalls a command." The TTL purge removes expired records through the
 * same writer as puts and deletes; when an expired row is held by another transaction (another
 * process's put of it, or a lock a killed process left in the file), the purge used to wait for
 * H2's lock timeout while holding that writer, so every put and delete waited behind it, and the
 * purge then failed. Here another session holds the oldest expired row locked for the whole test:
 * the purge must leave that row, purge the others, and puts, deletes and gets of the group must
 * complete while the lock is still held.
 */
class TtlPurgeNeverWaitsTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final int RECORDS = 10;
    private static final Set<TargetStore> BOTH = Set.of(TargetStore.ONLINE_STORE, TargetStore.OFFLINE_STORE);

    @TempDir
    Path dir;

    private JdbcConnectionPool pool;
    private WritePath writePath;
    private H2OnlineStore online;

    @AfterEach
    void close() {
        if (writePath != null) {
            writePath.close();
        }
        if (online != null) {
            online.close();
        }
        if (pool != null) {
            pool.dispose();
        }
    }

    @Test
    void aPurgeMeetingALockedRowLeavesItAndNeitherWaitsNorMakesCommandsWait() throws Exception {
        MovableClock clock = new MovableClock(T0);
        String url = "jdbc:h2:file:" + dir.resolve("online").resolve("workbench");
        pool = JdbcConnectionPool.create(url, "fwb", "");
        online = new H2OnlineStore(pool, clock);
        var customers = WritePathGroups.customers(new OnlineStoreConfig(true, new TtlDuration(TtlUnit.SECONDS, 10)),
                OfflineStoreConfig.ENABLED);
        FeatureGroup group = new FeatureGroup(new FeatureGroupDefinition("expiring",
                customers.recordIdentifierFeatureName(), customers.eventTimeFeatureName(), customers.features(),
                customers.description(), customers.tags(), customers.onlineStore(), customers.offlineStore()),
                Instant.ofEpochMilli(T0), null, null);
        online.createTable(group);
        writePath = new WritePath(dir, pool, online, new ParquetOfflineStore(dir.resolve("offline-store")),
                name -> Optional.of(group), () -> List.of(group), clock);
        for (int i = 0; i < RECORDS; i++) {
            // x0 expires first, so the purge meets the locked row before any other.
            writePath.put(group, WritePathGroups.customer("x" + i, Instant.ofEpochMilli(T0 + i).toString(), i, 0, "c"),
                    BOTH, null);
        }
        clock.millis = T0 + 60_000; // every record is past its 10 s TTL

        try (Connection holder = pool.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                assertEquals(1, s.executeUpdate("UPDATE " + H2OnlineStore.tableName(group).transform(n -> '"' + n + '"')
                        + " SET \"city\" = 'held' WHERE \"customer_id\" = 'x0'"));
            }
            // The purge, in the background as the tick runs it; commands meanwhile, on the same writer.
            CompletableFuture<Integer> purge = CompletableFuture.supplyAsync(writePath::purgeExpired);
            writePath.put(group, WritePathGroups.customer("y1", Instant.ofEpochMilli(T0 + 59_000).toString(), 1, 0, "c"),
                    BOTH, null);
            writePath.delete(group, "x5", Instant.ofEpochMilli(T0 + 59_000), DeletionMode.SOFT_DELETE,
                    BOTH);
            assertTrue(online.get(group, "y1", null).isPresent(), "a get during the purge reads the new record");
            // Before the fix: the purge waited for x0's lock (2 s) and then failed with "Timeout trying to lock table".
            int purged = purge.get(30, TimeUnit.SECONDS);
            assertTrue(purged >= RECORDS - 2 && purged <= RECORDS - 1,
                    "every expired record but the locked x0 (and x5, if the delete came first) is purged: " + purged);
            assertEquals(0, writePath.purgeExpired(), "the locked row is still left while its lock is held");
            holder.rollback();
        }
        assertEquals(1, writePath.purgeExpired(), "once the lock is gone, a later purge removes x0");
        assertFalse(online.get(group, "x0", null).isPresent());
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        volatile long millis;

        MovableClock(long millis) {
            this.millis = millis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
