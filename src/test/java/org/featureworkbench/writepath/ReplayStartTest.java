package org.featureworkbench.writepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.featureworkbench.database.HandOvers;
import org.featureworkbench.database.TornCommits;
import org.junit.jupiter.api.Test;

/** Where a replay starts ({@link ReplayStart}); a fresh journal's last barrier is 0. */
class ReplayStartTest {
    private final AtomicLong handOvers = new AtomicLong(5);
    private final ReplayStart start = new ReplayStart((DataSource) Proxy.newProxyInstance(
            HandOvers.class.getClassLoader(), new Class<?>[] {DataSource.class, HandOvers.class},
            (proxy, method, args) -> handOvers.get()), null);

    @Test
    void withoutAHandOverTheMarkSaysWhereToStart() {
        assertFalse(start.changedHands());
        assertEquals(40, start.after(40, start.handOversNow()));
    }

    @Test
    void anUnknownMarkStartsAtTheLastBarrier() {
        assertEquals(0, start.after(TornCommits.UNKNOWN_MARK, start.handOversNow()));
    }

    @Test
    void afterAHandOverTheStartIsTheLastBarrierOrTheMarkIfLower() {
        handOvers.incrementAndGet();
        assertTrue(start.changedHands());
        assertEquals(0, start.after(40, start.handOversNow()), "a mark ahead of the barrier is not trusted");
    }
}
