package org.featureworkbench.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupStatus;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.Test;

class GroupCacheTest {
    private final AtomicInteger loads = new AtomicInteger();
    private final GroupCache cache = new GroupCache(name -> {
        loads.incrementAndGet();
        return name.equals("customers") ? Optional.of(new CatalogEntry(new FeatureGroup(Definitions.customers(name),
                Instant.parse("2024-05-01T00:00:00Z"), null, FeatureGroupStatus.CREATED), 1)) : Optional.empty();
    }, name -> OptionalLong.of(1));

    @Test
    void isCachedOnlyAfterALoadAndUntilInvalidated() {
        assertFalse(cache.isCached("customers"));
        cache.get("customers");
        assertTrue(cache.isCached("customers"));
        cache.get("customers");
        assertEquals(1, loads.get(), "the second get came from the cache");
        cache.invalidate("customers");
        assertFalse(cache.isCached("customers"));
        cache.get("nosuch");
        assertFalse(cache.isCached("nosuch"), "a missing group is not cached");
    }

    @Test
    void aGroupWhoseTableIsChangingIsNotCountedAsCachedEvenWhenLoadedMeanwhile() {
        cache.get("customers");
        boolean during = cache.whileChanging("customers", () -> cache.whileChanging("customers", () -> {
            cache.get("customers");
            return cache.isCached("customers");
        }) || cache.isCached("customers"));
        assertFalse(during, "not while either of two nested changes runs");
        assertTrue(cache.isCached("customers"), "again once both ended");
    }
}
