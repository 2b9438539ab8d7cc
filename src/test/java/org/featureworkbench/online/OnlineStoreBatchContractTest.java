package org.featureworkbench.online;

import static org.featureworkbench.online.OnlineStoreContractTest.T0;
import static org.featureworkbench.online.OnlineStoreContractTest.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OnlineStore#putAll}: a batch must leave exactly what the same puts one by one would
 * (newer wins, equal overwrites, expired counts as absent), run against every implementation.
 */
abstract class OnlineStoreBatchContractTest {
    protected MutableClock clock;
    protected OnlineStore store;
    protected FeatureGroup customers;

    /** A fresh, empty store on the given clock. */
    protected abstract OnlineStore openStore(MutableClock clock) throws Exception;

    @BeforeEach
    void openStoreAndGroup() throws Exception {
        clock = new MutableClock(Instant.ofEpochSecond(T0 + 3600));
        store = openStore(clock);
        customers = create(Definitions.customers("customers").withOnlineStore(OnlineStoreConfig.ENABLED));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    FeatureGroup create(org.featureworkbench.model.FeatureGroupDefinition definition) {
        FeatureGroup group = new FeatureGroup(definition, Instant.ofEpochSecond(T0), null, null);
        store.createTable(group);
        return group;
    }

    Object age(FeatureGroup group, String id) {
        return store.get(group, id, null).orElseThrow().value("age");
    }

    @Test
    void aBatchIntoAnEmptyStoreWritesEveryRecordAndCountsThem() {
        long changed = store.putAll(customers, List.of(customer("c1", 10, 30L, 0.5), customer("c2", 10, 40L, null)),
                Instant.now());

        assertEquals(2, changed);
        assertEquals(2, store.count(customers));
        assertEquals(40L, age(customers, "c2"));
    }

    @Test
    void aBatchIgnoresOlderVersionsAndOverwritesEqualAndNewerOnes() {
        store.putAll(customers, List.of(customer("c1", 20, 1L, null), customer("c2", 20, 1L, null),
                customer("c3", 20, 1L, null)), Instant.now());

        long changed = store.putAll(customers, List.of(customer("c1", 10, 2L, null), customer("c2", 20, 2L, null),
                customer("c3", 30, 2L, null)), Instant.now());

        assertEquals(2, changed);
        assertEquals(1L, age(customers, "c1"));
        assertEquals(2L, age(customers, "c2"));
        assertEquals(2L, age(customers, "c3"));
        assertEquals(Instant.ofEpochSecond(T0 + 20), store.get(customers, "c1", null).orElseThrow().eventTime());
    }

    @Test
    void withinOneBatchTheNewestVersionWinsAndOfEqualOnesTheLaterInTheList() {
        store.putAll(customers, List.of(customer("c1", 20, 1L, null), customer("c1", 10, 2L, null),
                customer("c1", 20, 3L, null), customer("c1", 15, 4L, null)), Instant.now());

        assertEquals(3L, age(customers, "c1"));
    }

    @Test
    void aBatchRevivesASoftDeletedRecordOnlyWithAnEventTimeNotOlderThanTheDelete() {
        store.putAll(customers, List.of(customer("c1", 10, 1L, null), customer("c2", 10, 1L, null)), Instant.now());
        store.softDelete(customers, "c1", Instant.ofEpochSecond(T0 + 20));
        store.softDelete(customers, "c2", Instant.ofEpochSecond(T0 + 20));

        store.putAll(customers, List.of(customer("c1", 15, 2L, null), customer("c2", 20, 3L, null)), Instant.now());

        assertTrue(store.get(customers, "c1", null).isEmpty());
        assertEquals(3L, age(customers, "c2"));
    }

    @Test
    void anExpiredRowCountsAsAbsentAndTheBatchSetsExpiryFromTheGroupTtl() {
        FeatureGroup hourly = create(Definitions.customers("hourly")
                .withOnlineStore(new OnlineStoreConfig(true, new TtlDuration(TtlUnit.HOURS, 1))));
        store.putAll(hourly, List.of(customer("c1", 0, 1L, null)), Instant.now());
        assertTrue(store.get(hourly, "c1", null).isEmpty(), "expired exactly at now = T0 + 1h");

        long changed = store.putAll(hourly, List.of(customer("c1", 1800, 2L, null)), Instant.now());

        assertEquals(1, changed, "the expired row at T0 does not count against a write at T0 + 30 min");
        OnlineRecord read = store.get(hourly, "c1", null).orElseThrow();
        assertEquals(2L, read.value("age"));
        assertEquals(Instant.ofEpochSecond(T0 + 1800 + 3600), read.expiresAt());
    }
}
