package org.featureworkbench.online;

import static org.featureworkbench.online.OnlineStoreContractTest.T0;
import static org.featureworkbench.online.OnlineStoreContractTest.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.TypedRecord;
import org.featureworkbench.model.WriteOutcome;
import org.featureworkbench.testing.Definitions;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 10: with equal event times the online record must be the offline latest
 * row, which is ordered by (event time, api_invocation_time, write order) — not whichever write
 * reached H2 last. Covers single puts, soft deletes and batch upserts (ingests).
 */
class InvocationTimeOrderTest {
    private static final Instant EARLY = Instant.ofEpochSecond(T0 + 100);
    private static final Instant LATE = Instant.ofEpochSecond(T0 + 200);

    @TempDir
    Path workspace;
    private JdbcConnectionPool pool;
    private H2OnlineStore store;
    private FeatureGroup customers;

    @BeforeEach
    void open() {
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + workspace.resolve("workbench"), "fwb", "");
        store = new H2OnlineStore(pool, new MutableClock(Instant.ofEpochSecond(T0 + 3600)));
        customers = new FeatureGroup(Definitions.customers("customers").withOnlineStore(OnlineStoreConfig.ENABLED),
                Instant.ofEpochSecond(T0), null, null);
        store.createTable(customers);
    }

    @AfterEach
    void close() {
        store.close();
        pool.dispose();
    }

    private WriteOutcome put(TypedRecord r, Instant invokedAt) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            WriteOutcome outcome = store.put(c, customers, r, null, invokedAt);
            c.commit();
            return outcome;
        }
    }

    private Object age(String id) {
        return store.get(customers, id, null).orElseThrow().value("age");
    }

    @Test
    void anEqualEventTimeInvokedEarlierArrivingLaterLeavesTheOnlineRecord() throws SQLException {
        put(customer("c1", 20, 2L, null), LATE);
        assertEquals(WriteOutcome.OLDER_IGNORED, put(customer("c1", 20, 1L, null), EARLY));
        assertEquals(2L, age("c1"));
    }

    @Test
    void anEqualEventTimeAndInvocationTimeOverwritesInWriteOrder() throws SQLException {
        put(customer("c1", 20, 1L, null), LATE);
        assertEquals(WriteOutcome.EQUAL_OVERWRITTEN, put(customer("c1", 20, 2L, null), LATE));
        assertEquals(2L, age("c1"));
    }

    @Test
    void aSoftDeleteAtTheSameEventTimeInvokedEarlierDoesNotHideTheRecord() throws SQLException {
        put(customer("c1", 20, 2L, null), LATE);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            assertEquals(WriteOutcome.OLDER_IGNORED, store.softDelete(c, customers, "c1",
                    Instant.ofEpochSecond(T0 + 20), EARLY));
            c.commit();
        }
        assertEquals(2L, age("c1"));
    }

    @Test
    void anIngestInvokedBeforeAPutDoesNotOverwriteItsEqualEventTime() throws SQLException {
        // A put made during an ingest, same id and event time: the put is the offline latest row.
        put(customer("c1", 20, 2L, null), LATE);
        long changed = store.putAll(customers, List.of(customer("c1", 20, 1L, null), customer("c2", 20, 1L, null)),
                EARLY);
        assertEquals(1, changed);
        assertEquals(2L, age("c1"));
        assertEquals(1L, age("c2"));
    }

    @Test
    void anIngestInvokedAfterAPutOverwritesItsEqualEventTime() throws SQLException {
        put(customer("c1", 20, 2L, null), EARLY);
        store.putAll(customers, List.of(customer("c1", 20, 3L, null)), LATE);
        assertEquals(3L, age("c1"));
        assertTrue(store.get(customers, "c1", null).isPresent());
    }
}
