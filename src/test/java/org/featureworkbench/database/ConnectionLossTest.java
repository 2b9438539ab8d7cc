package org.featureworkbench.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.ValidationException;
import org.junit.jupiter.api.Test;

class ConnectionLossTest {
    @Test
    void aBrokenConnectionWrappedInOurExceptionIsALoss() {
        SQLException broken = new SQLException("Connection is broken: \"session closed\"", "90067", 90067);
        assertTrue(ConnectionLoss.isLost(new FeatureStoreException("the workspace database failed", broken)));
        assertTrue(ConnectionLoss.isLost(new SQLException("x", "90067", 90067, new EOFException())));
    }

    @Test
    void openingDuringAHandOverIsAHandOverButNotALoss() {
        SQLException locked = new SQLException("Database may be already in use: \"Locked by another process\"",
                "90020", 90020);
        assertFalse(ConnectionLoss.isLost(locked));
        assertTrue(ConnectionLoss.isHandOver(locked));
        assertTrue(ConnectionLoss.isHandOver(new SQLException("Connection refused: localhost:40277")));
    }

    @Test
    void badInputAndOtherDatabaseErrorsAreNeither() {
        assertFalse(ConnectionLoss.isHandOver(new ValidationException("age", "not an integer")));
        assertFalse(ConnectionLoss.isHandOver(new SQLException("Table \"X\" not found", "42S02", 42102)));
    }

    @Test
    void aStatementAboutAMissingColumnLeavesTheConnectionUsableOtherDatabaseFailuresMayNot() {
        SQLException columnMissing = new SQLException("Column \"segment\" not found", "42122", 42122);
        assertFalse(ConnectionLoss.mayHaveBroken(new FeatureStoreException("features are being added", columnMissing)));
        assertTrue(ConnectionLoss.mayHaveBroken(new FeatureStoreException("failed",
                new SQLException("Timeout trying to lock table", "HYT00", 50200))));
        assertTrue(ConnectionLoss.mayHaveBroken(new SQLException("closed", "90098", 90098)));
        assertFalse(ConnectionLoss.mayHaveBroken(new ValidationException("age", "not an integer")), "not the database's");
    }

    @Test
    void retryRunsWorkAgainOnlyAfterALoss() {
        AtomicInteger calls = new AtomicInteger();
        int result = Retry.onLostConnection(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new FeatureStoreException("lost", new SQLException("closed", "90098", 90098));
            }
            return 42;
        });
        assertEquals(42, result);
        assertEquals(3, calls.get());

        AtomicInteger once = new AtomicInteger();
        assertThrows(ValidationException.class, () -> Retry.onLostConnection(() -> {
            once.incrementAndGet();
            throw new ValidationException("age", "bad");
        }));
        assertEquals(1, once.get());
    }
}
