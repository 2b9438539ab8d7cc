package org.featureworkbench.online;

import static org.featureworkbench.online.OnlineStoreContractTest.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch contract on a real H2 file database, plus the caller's-transaction variant. */
class H2OnlineStoreBatchTest extends OnlineStoreBatchContractTest {
    @TempDir
    Path workspace;
    JdbcConnectionPool pool;

    @Override
    protected OnlineStore openStore(MutableClock clock) {
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + workspace.resolve("online").resolve("workbench")
                + ";AUTO_SERVER=TRUE", "fwb", "");
        return new H2OnlineStore(pool, clock);
    }

    @AfterEach
    void disposePool() {
        pool.dispose();
    }

    @Test
    void aBatchInTheCallersTransactionIsGoneWhenTheCallerRollsBack() throws Exception {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            assertEquals(2, store.putAll(c, customers, List.of(customer("c1", 10, 1L, null),
                    customer("c2", 10, 1L, null)), Instant.now()));
            c.rollback();
            c.setAutoCommit(true);
        }
        assertTrue(store.get(customers, "c1", null).isEmpty());
        assertEquals(0, store.count(customers));
    }
}
