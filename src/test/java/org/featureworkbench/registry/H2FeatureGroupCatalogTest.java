package org.featureworkbench.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.CatalogStamp;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureMetadataUpdate;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.model.GroupSearchQuery;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.ResourceInUseException;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.workspace.Workspace;
import static org.featureworkbench.testing.Definitions.customers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog on a real H2 file database in a temp workspace, through the facade. */
class H2FeatureGroupCatalogTest {
    @TempDir
    Path workspace;
    FeatureStore store;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void createdGroupSurvivesReopeningTheWorkspace() {
        FeatureGroup created = store.createFeatureGroup(customers("customers"));
        store.close();
        store = Workspace.open(workspace);

        FeatureGroup read = store.describeFeatureGroup("customers");
        assertEquals(created.definition(), read.definition());
        assertEquals(created.creationTime(), read.creationTime());
        assertEquals(0, read.creationTime().getNano(), "creation time has second precision");
        assertEquals(new TtlDuration(TtlUnit.DAYS, 7), read.definition().onlineStore().ttl());
    }

    @Test
    void theStampChangesWithEveryCreateChangeAndDeleteAndWithNothingElse() {
        CatalogStamp empty = store.catalogStamp();
        assertEquals(new CatalogStamp(0, 0, 0), empty);
        store.createFeatureGroup(customers("customers"));
        CatalogStamp created = store.catalogStamp();
        assertEquals(1, created.groupCount());

        store.records().putRecord("customers", org.featureworkbench.model.Record.builder().put("customer_id", "c1")
                .put("event_time", "2026-12-01T10:00:00Z").put("age", "41").build(), java.util.Set.of(), null);
        store.listFeatureGroups(GroupListQuery.ALL);
        assertEquals(created, store.catalogStamp(), "records and reads leave the catalog as it was");

        List<CatalogStamp> seen = new java.util.ArrayList<>(List.of(empty, created));
        store.updateTags("customers", Map.of("team", "risk"), List.of());
        seen.add(store.catalogStamp());
        store.updateFeatureMetadata("customers", "age", new FeatureMetadataUpdate("years", null, List.of()));
        seen.add(store.catalogStamp());
        store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.STRING)));
        seen.add(store.catalogStamp());
        store.updateOnlineTtl("customers", null);
        seen.add(store.catalogStamp());
        // Deleted and created again under the same name: as many groups as before, and still a new stamp.
        store.deleteFeatureGroup("customers", false);
        seen.add(store.catalogStamp());
        store.createFeatureGroup(customers("customers"));
        seen.add(store.catalogStamp());
        for (int i = 1; i < seen.size(); i++) {
            assertNotEquals(seen.get(i - 1), seen.get(i), "every change gives a new stamp: " + seen);
        }
        assertEquals(empty, seen.get(6), "an empty catalog again: the same stamp as before anything was created");
    }

    @Test
    void secondGroupWithTheSameNameIsRejectedAndTheFirstIsUnchanged() {
        store.createFeatureGroup(customers("customers"));
        FeatureGroupDefinition other = customers("customers").withTags(Map.of("team", "other"));
        ResourceInUseException e = assertThrows(ResourceInUseException.class, () -> store.createFeatureGroup(other));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("risk", store.describeFeatureGroup("customers").definition().tags().get("team"));
    }

    @Test
    void invalidDefinitionCreatesNothing() {
        FeatureGroupDefinition bad = customers("../x");
        assertThrows(ValidationException.class, () -> store.createFeatureGroup(bad));
        assertTrue(store.listFeatureGroups(GroupListQuery.ALL).isEmpty());
    }

    @Test
    void listFiltersByNameAndSortsEitherWay() {
        store.createFeatureGroup(customers("b-customers"));
        store.createFeatureGroup(customers("a-customers"));
        store.createFeatureGroup(customers("orders"));

        List<String> names = store.listFeatureGroups(new GroupListQuery("CUSTOMERS", GroupListQuery.SortBy.NAME, true))
                .stream().map(FeatureGroup::name).toList();
        assertEquals(List.of("b-customers", "a-customers"), names);
    }

    @Test
    void searchMatchesFeatureNamesTagsAndCreationTime() {
        store.createFeatureGroup(customers("customers"));
        store.createFeatureGroup(customers("orders").withTags(Map.of("team", "growth")));

        assertEquals(2, store.searchFeatureGroups(GroupSearchQuery.text("SCORE")).size());
        assertEquals(List.of("orders"), store.searchFeatureGroups(
                new GroupSearchQuery(null, Map.of("team", "growth"), null, null)).stream().map(FeatureGroup::name).toList());
        assertTrue(store.searchFeatureGroups(new GroupSearchQuery(null, Map.of(), Instant.now().plusSeconds(60), null)).isEmpty());
        assertTrue(store.searchFeatureGroups(GroupSearchQuery.text("no-such-thing")).isEmpty());
    }

    @Test
    void addedFeaturesAreAppendedAndExistingNamesRefused() {
        store.createFeatureGroup(customers("customers"));
        FeatureGroup updated = store.addFeatures("customers", List.of(new FeatureDefinition("email", FeatureType.STRING)));
        assertEquals("email", updated.features().get(4).name());

        ValidationException e = assertThrows(ValidationException.class,
                () -> store.addFeatures("customers", List.of(new FeatureDefinition("AGE", FeatureType.STRING))));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals(5, store.describeFeatureGroup("customers").features().size());
    }

    @Test
    void featureMetadataCanBeAddedAndRemoved() {
        store.createFeatureGroup(customers("customers"));
        store.updateFeatureMetadata("customers", "age",
                new FeatureMetadataUpdate("Age in years", Map.of("unit", "years", "source", "crm"), List.of()));
        FeatureGroup g = store.updateFeatureMetadata("customers", "age",
                new FeatureMetadataUpdate(null, Map.of(), List.of("source")));
        FeatureDefinition age = g.definition().feature("age").orElseThrow();
        assertEquals("Age in years", age.description());
        assertEquals(Map.of("unit", "years"), age.parameters());
        assertEquals(age, store.describeFeatureGroup("customers").definition().feature("age").orElseThrow());
        assertThrows(ResourceNotFoundException.class, () -> store.updateFeatureMetadata("customers", "nope",
                new FeatureMetadataUpdate("x", Map.of(), List.of())));
    }

    @Test
    void tagsAreAddedRemovedAndLimited() {
        store.createFeatureGroup(customers("customers"));
        FeatureGroup g = store.updateTags("customers", Map.of("owner", "ana"), List.of("team"));
        assertEquals(Map.of("owner", "ana"), g.definition().tags());
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 50; i++) {
            many.put("k" + i, "v");
        }
        assertThrows(ValidationException.class, () -> store.updateTags("customers", many, List.of()));
        assertEquals(Map.of("owner", "ana"), store.describeFeatureGroup("customers").definition().tags());
    }

    @Test
    void deleteRemovesTheEntryAndKeepsOfflineFilesUnlessPurged() throws Exception {
        FeatureGroup g = store.createFeatureGroup(customers("customers"));
        Path offline = store.offlineStoreDirectory().resolve(g.offlineFolderName());
        java.nio.file.Files.createDirectories(offline.resolve("data"));

        store.deleteFeatureGroup("customers", false);
        assertFalse(store.findFeatureGroup("customers").isPresent());
        assertTrue(java.nio.file.Files.exists(offline));

        FeatureGroup again = store.createFeatureGroup(customers("customers"));
        assertTrue(again.creationTime().isAfter(g.creationTime()), "re-created group gets a new offline folder");
        store.deleteFeatureGroup("customers", true);
        assertFalse(java.nio.file.Files.exists(store.offlineStoreDirectory().resolve(again.offlineFolderName())));
        assertThrows(ResourceNotFoundException.class, () -> store.deleteFeatureGroup("customers", false));
    }
}
