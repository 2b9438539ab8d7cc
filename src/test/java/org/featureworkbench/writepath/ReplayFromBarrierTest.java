package org.featureworkbench.writepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.featureworkbench.database.HandOvers;
import org.featureworkbench.database.TornCommits;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.offline.ParquetOfflineStore;
import org.featureworkbench.online.H2OnlineStore;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A torn commit (ADR 0010, addendum of 2026-12-05): the mark says a write is in the file, its row
 * is not. A writer replays every write since its last disk barrier before it writes on — when
 * its database changed hands since that barrier (counted by the data source, as
 * {@code WorkspaceDatabase} counts them), and when the process that took a killed process's file
 * over set its mark to UNKNOWN — and none before the barrier: a row deleted since by someone else
 * stays deleted.
 */
class ReplayFromBarrierTest {
    private static final Set<TargetStore> BOTH = Set.of(TargetStore.ONLINE_STORE, TargetStore.OFFLINE_STORE);

    @TempDir
    Path dir;
    private JdbcConnectionPool pool;
    private H2OnlineStore online;
    private WritePath writePath;
    private final AtomicLong handOvers = new AtomicLong();
    private FeatureGroup group;

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
    void aWriterWhoseDatabaseChangedHandsReplaysItsWritesSinceTheLastBarrier() throws Exception {
        String table = writeAroundABarrier();
        try (Connection c = pool.getConnection()) {
            deleteRow(c, table, "c3"); // before the barrier: gone for another reason, must stay gone
            deleteRow(c, table, "c7"); // after it: the torn commit, its mark untouched
        }
        handOvers.incrementAndGet();

        put(10);

        assertReplayedSinceTheBarrierOnly();
    }

    @Test
    void aWriterWhoseMarkWasSetToUnknownReplaysItsWritesSinceTheLastBarrier() throws Exception {
        String table = writeAroundABarrier();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            deleteRow(c, table, "c3");
            deleteRow(c, table, "c7");
            assertEquals(1, s.executeUpdate("UPDATE " + TornCommits.JOURNAL_TABLE + " SET APPLIED_SEQ = "
                    + TornCommits.UNKNOWN_MARK));
        }

        put(10);

        assertReplayedSinceTheBarrierOnly();
    }

    /** Writes c0..c9 with a disk barrier right after c4 while c2..c4 stay in the journal; returns the online table. */
    private String writeAroundABarrier() throws Exception {
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("online").resolve("workbench"), "fwb", "");
        DataSource dataSource = countingHandOvers(pool, handOvers);
        online = new H2OnlineStore(pool, Clock.systemUTC());
        group = new FeatureGroup(WritePathGroups.customers(), java.time.Instant.ofEpochSecond(1_700_000_000L), null,
                null);
        online.createTable(group);
        writePath = new WritePath(dir, dataSource, online, new ParquetOfflineStore(dir.resolve("offline-store")),
                name -> Optional.of(group), () -> List.of(group), Clock.systemUTC());
        put(0);
        put(1);
        writePath.flush(group); // publishes segment 1; c2.. go into segment 2
        for (int i = 2; i < 5; i++) {
            put(i);
        }
        // Only now the tick: it deletes segment 1 after a disk barrier, which is after c4.
        writePath.start(Duration.ofMillis(50));
        JournalWaits.awaitSegmentDeleted(dir.resolve("journal"), "00000001.seg");
        for (int i = 5; i < 10; i++) {
            put(i);
        }
        return '"' + H2OnlineStore.tableName(group) + '"';
    }

    private void assertReplayedSinceTheBarrierOnly() {
        assertTrue(online.get(group, "c7", null).isPresent(), "the write after the last barrier was replayed");
        assertFalse(online.get(group, "c3", null).isPresent(), "a write before the last barrier was not");
        assertTrue(online.get(group, "c10", null).isPresent());
    }

    private void put(int i) {
        writePath.put(group, WritePathGroups.customer("c" + i, "2024-05-01T10:00:00Z", i, 0.5, "x"), BOTH, null);
    }

    private static void deleteRow(Connection c, String table, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE \"customer_id\" = ?")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** A pool whose hand-overs the test counts. */
    private static DataSource countingHandOvers(JdbcConnectionPool pool, AtomicLong count) {
        return (DataSource) Proxy.newProxyInstance(HandOvers.class.getClassLoader(),
                new Class<?>[] {DataSource.class, HandOvers.class}, (proxy, method, args) -> {
                    if (method.getName().equals("handOvers")) {
                        return count.get();
                    }
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
