package org.featureworkbench.online;

import static org.featureworkbench.online.OnlineStoreContractTest.T0;
import static org.featureworkbench.online.OnlineStoreContractTest.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.model.TypedRecord;
import org.featureworkbench.testing.Definitions;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The INSERT paths of {@link H2BatchUpsert} (INSERT-first for a table no batch has met a stored id
 * in; INSERT for new ids after a lookup) must end exactly as the MERGE-only path:
 * same rows, same change count, including expired and soft-deleted stored rows, repeated ids in
 * one batch, and a concurrent insert between the lookup and the INSERT.
 */
class H2BatchUpsertTest {
    @TempDir
    Path workspace;
    JdbcConnectionPool pool;
    MutableClock clock;
    H2OnlineStore store;

    @BeforeEach
    void open() {
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + workspace.resolve("online") + ";AUTO_SERVER=TRUE", "fwb", "");
        clock = new MutableClock(Instant.ofEpochSecond(T0 + 3600));
        store = new H2OnlineStore(pool, clock);
    }

    @AfterEach
    void close() {
        store.close();
        pool.dispose();
    }

    private FeatureGroup group(String name, TtlDuration ttl) {
        FeatureGroupDefinition d = Definitions.customers(name).withOnlineStore(new OnlineStoreConfig(true, ttl));
        FeatureGroup g = new FeatureGroup(d, Instant.ofEpochSecond(T0), null, null);
        store.createTable(g);
        return g;
    }

    /** Stored state: c1..c4 at T0+20 (c4 soft-deleted at T0+25), c5 at T0+0 (expired under a 1 h TTL at now = T0+1h). */
    private void seed(FeatureGroup g) {
        store.putAll(g, List.of(customer("c1", 20, 1L, null), customer("c2", 20, 1L, 0.5), customer("c3", 20, 1L, null),
                customer("c4", 20, 1L, null), customer("c5", 0, 1L, null)), Instant.ofEpochSecond(T0));
        store.softDelete(g, "c4", Instant.ofEpochSecond(T0 + 25));
    }

    /** Existing ids older, equal, newer, deleted, expired; new ids once, twice (newer then older, then equal). */
    private static List<TypedRecord> mixedBatch() {
        return List.of(customer("n1", 5, 7L, 1.5), customer("c1", 10, 2L, null), customer("n2", 30, 3L, null),
                customer("c2", 20, 2L, null), customer("n2", 10, 4L, 2.5), customer("c3", 30, 2L, 9.0),
                customer("c4", 24, 2L, null), customer("n3", 1, null, null), customer("c5", 1, 2L, null),
                customer("n2", 30, 5L, null), customer("c3", 29, 8L, null));
    }

    private long write(FeatureGroup g, H2BatchUpsert upsert, List<TypedRecord> batch) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            long changed = upsert.write(c, batch, g.definition().onlineStore().ttl(), Instant.ofEpochSecond(T0 + 99));
            c.commit();
            return changed;
        }
    }

    private List<List<Object>> rows(FeatureGroup g) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + new OnlineTable(g).table + " ORDER BY 1")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void aBatchMixingNewAndExistingIdsEndsExactlyAsTheMergeOnlyPath() throws Exception {
        for (TtlDuration ttl : new TtlDuration[] {null, new TtlDuration(TtlUnit.HOURS, 1)}) {
            String suffix = ttl == null ? "" : "_ttl";
            FeatureGroup split = group("split" + suffix, ttl);
            FeatureGroup merged = group("merged" + suffix, ttl);
            seed(split);
            seed(merged);

            long splitChanged = write(split, new H2BatchUpsert(new OnlineTable(split), clock).splitInserts(), mixedBatch());
            long mergedChanged = write(merged, new H2BatchUpsert(new OnlineTable(merged), clock), mixedBatch());

            assertEquals(mergedChanged, splitChanged, "change count, ttl " + ttl);
            assertEquals(rows(merged), rows(split), "stored rows, ttl " + ttl);
            assertEquals(8, rows(split).size());
        }
        FeatureGroup plain = group("check", null);
        seed(plain);
        write(plain, new H2BatchUpsert(new OnlineTable(plain), clock).splitInserts(), mixedBatch());
        assertEquals(5L, store.get(plain, "n2", null).orElseThrow().value("age"), "equal event time, later in list wins");
        assertEquals(2L, store.get(plain, "c3", null).orElseThrow().value("age"), "newest wins over a later older one");
        assertEquals(1L, store.get(plain, "c1", null).orElseThrow().value("age"), "older than stored loses");
    }

    @Test
    void anIdInsertedConcurrentlyAfterTheLookupMakesTheBatchRedoAsMergeAndTheNewerRowWins() throws Exception {
        FeatureGroup g = group("race", null);
        seed(g);
        H2BatchUpsert upsert = new H2BatchUpsert(new OnlineTable(g), clock).splitInserts().afterLookup(() ->
                store.putAll(g, List.of(customer("n1", 50, 99L, null), customer("n3", 0, 98L, null)), Instant.now()));

        long changed = write(g, upsert, mixedBatch());

        assertEquals(99L, store.get(g, "n1", null).orElseThrow().value("age"), "the concurrent, newer n1 stays");
        assertEquals(null, store.get(g, "n3", null).orElseThrow().value("age"), "the batch's newer n3 overwrites");
        assertEquals(5L, store.get(g, "n2", null).orElseThrow().value("age"));
        assertEquals(2L, store.get(g, "c3", null).orElseThrow().value("age"));
        assertEquals(8, rows(g).size());
        // MERGE-only redo: n1@5 (older than the concurrent n1@50), c1@10, n2@10, c4@24 (deleted at 25)
        // and c3@29 do not change a row; the other six do.
        assertEquals(6, changed);
    }

    @Test
    void aFirstLoadIsInsertedPlainlyAndTheFirstStoredIdSwitchesTheTableToMerge() throws Exception {
        FeatureGroup g = group("first_load", null);
        OnlineTable table = new OnlineTable(g);
        H2BatchUpsert upsert = new H2BatchUpsert(table, clock);

        assertEquals(2, write(g, upsert, List.of(customer("a", 10, 1L, null), customer("b", 10, 2L, null))));
        assertEquals(true, table.insertsFirst(), "no stored id met yet");

        // "a" is stored (newer there), "c" is new: the INSERT batch fails on "a" and is redone as MERGE.
        assertEquals(1, write(g, upsert, List.of(customer("a", 5, 9L, null), customer("c", 10, 3L, null))));
        assertEquals(false, table.insertsFirst(), "a stored id was met");
        assertEquals(1L, store.get(g, "a", null).orElseThrow().value("age"), "the older version did not win");
        assertEquals(3L, store.get(g, "c", null).orElseThrow().value("age"));
        assertEquals(3, rows(g).size());
    }
}
