package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.featureworkbench.writepath.WritePathGroups.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data path's group cache (ADR 0007) with two stores on one workspace: {@code other} changes
 * the catalog behind {@code cached}'s back, as a second process would, and {@code cached}'s next
 * put or get must act on the current definition — never write a dropped or re-created group's
 * table, never keep a value of a feature it did not know about.
 */
class StaleGroupCacheIT {
    private static final Set<TargetStore> BOTH = Set.of();

    @TempDir
    Path workspace;
    private FeatureStore cached;
    private FeatureStore other;

    @BeforeEach
    void open() {
        cached = Workspace.open(workspace);
        other = Workspace.open(workspace);
        cached.createFeatureGroup(WritePathGroups.customers());
        // Warm the cache: from here on, cached's puts and gets use the definition it holds.
        cached.records().putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:00:00Z", 30, 0.5, "Lyon"), BOTH, null);
        assertTrue(cached.records().getRecord(CUSTOMERS, "c1", null).isPresent());
    }

    @AfterEach
    void close() {
        other.close();
        cached.close();
    }

    @Test
    void featureAddedElsewhereIsReadAndWrittenAtOnce() {
        other.addFeatures(CUSTOMERS, List.of(new FeatureDefinition("tier", FeatureType.STRING)));
        other.records().putRecord(CUSTOMERS, withTier("c1", "2024-05-01T11:00:00Z", "gold"), BOTH, null);

        OnlineRecord read = cached.records().getRecord(CUSTOMERS, "c1", null).orElseThrow();
        assertEquals("gold", read.values().get("tier"));

        cached.records().putRecord(CUSTOMERS, withTier("c2", "2024-05-01T11:00:00Z", "silver"), BOTH, null);
        assertEquals("silver", other.records().getRecord(CUSTOMERS, "c2", null).orElseThrow().values().get("tier"));
    }

    @Test
    void fullOverwriteClearsAFeatureTheCacheDidNotKnow() {
        other.addFeatures(CUSTOMERS, List.of(new FeatureDefinition("tier", FeatureType.STRING)));
        other.records().putRecord(CUSTOMERS, withTier("c1", "2024-05-01T11:00:00Z", "gold"), BOTH, null);

        // A newer version without "tier": PutRecord is a full overwrite, so tier must become null.
        cached.records().putRecord(CUSTOMERS, customer("c1", "2024-05-01T12:00:00Z", 32, 0.25, "Nice"), BOTH, null);

        OnlineRecord read = other.records().getRecord(CUSTOMERS, "c1", null).orElseThrow();
        assertEquals("Nice", read.values().get("city"));
        assertTrue(read.values().containsKey("tier"));
        assertNull(read.values().get("tier"));
    }

    @Test
    void groupReCreatedElsewhereIsTheOneWrittenAndRead() {
        other.deleteFeatureGroup(CUSTOMERS, false);
        other.createFeatureGroup(new FeatureGroupDefinition(CUSTOMERS, "customer_id", "event_time",
                List.of(new FeatureDefinition("customer_id", FeatureType.STRING),
                        new FeatureDefinition("event_time", FeatureType.STRING),
                        new FeatureDefinition("visits", FeatureType.INTEGRAL)),
                "", Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED));

        assertFalse(cached.records().getRecord(CUSTOMERS, "c1", null).isPresent(), "the old group's record is gone");
        ValidationException oldShape = assertThrows(ValidationException.class, () -> cached.records().putRecord(
                CUSTOMERS, customer("c1", "2024-05-01T11:00:00Z", 31, 0.5, "Lyon"), BOTH, null));
        assertTrue(oldShape.getMessage().contains("age"), oldShape.getMessage());

        Record visits = Record.builder().put("customer_id", "c9").put("event_time", "2024-05-01T11:00:00Z")
                .put("visits", "7").build();
        cached.records().putRecord(CUSTOMERS, visits, BOTH, null);
        assertEquals(7L, other.records().getRecord(CUSTOMERS, "c9", null).orElseThrow().values().get("visits"));
    }

    @Test
    void groupDeletedElsewhereIsNotFound() {
        other.deleteFeatureGroup(CUSTOMERS, false);

        assertThrows(ResourceNotFoundException.class, () -> cached.records().getRecord(CUSTOMERS, "c1", null));
        assertThrows(ResourceNotFoundException.class, () -> cached.records().putRecord(CUSTOMERS,
                customer("c1", "2024-05-01T11:00:00Z", 31, 0.5, "Lyon"), BOTH, null));
        assertThrows(ResourceNotFoundException.class, () -> cached.records().deleteRecord(CUSTOMERS, "c1",
                "2024-05-01T11:00:00Z", org.featureworkbench.model.DeletionMode.SOFT_DELETE, BOTH));
    }

    private static Record withTier(String id, String eventTime, String tier) {
        return Record.builder().put("customer_id", id).put("event_time", eventTime).put("age", "31")
                .put("score", "0.5").put("city", "Lyon").put("tier", tier).build();
    }
}
