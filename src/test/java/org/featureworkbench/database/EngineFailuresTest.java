package org.featureworkbench.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which failures count as the engine's own, and that only those are tried again. */
class EngineFailuresTest {

    /** An AssertionError as H2's CommitDecisionMaker threw it (issue 12, seed 30982807783036). */
    private static AssertionError h2Assertion() {
        AssertionError e = new AssertionError();
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.h2.mvstore.tx.CommitDecisionMaker", "decide", "CommitDecisionMaker.java", 67),
            new StackTraceElement("org.h2.mvstore.tx.TransactionStore", "commit", "TransactionStore.java", 618)});
        return e;
    }

    @Test
    void anAssertionInsideH2IsRetriedAndTheSecondTrySucceeds() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        String result = EngineFailures.retry("a test", () -> {
            if (tries.incrementAndGet() == 1) {
                throw h2Assertion();
            }
            return "settled";
        });
        assertEquals("settled", result);
        assertEquals(2, tries.get());
    }

    @Test
    void h2sGeneralErrorWrappingItIsRetriedToo() throws Exception {
        SQLException wrapped = new SQLException("General error: java.lang.AssertionError", "HY000", 50000,
                h2Assertion());
        assertTrue(EngineFailures.isInternal(new RuntimeException("could not settle", wrapped)));
    }

    @Test
    void anEngineThatKeepsFailingFailsAfterThreeTries() {
        AtomicInteger tries = new AtomicInteger();
        AssertionError last = assertThrows(AssertionError.class, () -> EngineFailures.retry("a test", () -> {
            tries.incrementAndGet();
            throw h2Assertion();
        }));
        assertEquals(EngineFailures.ATTEMPTS, tries.get());
        assertSame(AssertionError.class, last.getClass());
    }

    @Test
    void ourOwnAssertionsAndOrdinaryErrorsAreNotRetried() {
        AtomicInteger tries = new AtomicInteger();
        assertThrows(AssertionError.class, () -> EngineFailures.retry("a test", () -> {
            tries.incrementAndGet();
            throw new AssertionError("a bug of ours");
        }));
        assertEquals(1, tries.get());
        assertFalse(EngineFailures.isInternal(new SQLException("Table \"X\" not found", "42S02", 42102)));
    }
}
