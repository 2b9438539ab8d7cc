package org.featureworkbench.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureMetadataUpdate;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feature metadata (UpdateFeatureMetadata), tags, description and TTL changes reach the definition
 * file at every change, so a catalog rebuilt by {@code repair} keeps them (issue 12, ADR 0019).
 */
class DefinitionFileMetadataTest {
    @TempDir
    Path dir;

    /** Creates the group and changes everything a definition file must keep. */
    private void createAndChange() {
        try (FeatureStore store = Workspace.open(dir)) {
            store.createFeatureGroup(Definitions.customers("customers"));
            store.updateFeatureMetadata("customers", "age", new FeatureMetadataUpdate("Age in whole years",
                    Map.of("unit", "years", "source", "crm"), List.of()));
            store.updateFeatureMetadata("customers", "score", new FeatureMetadataUpdate("Risk score",
                    Map.of("range", "0-1"), List.of()));
            store.updateFeatureMetadata("customers", "age", new FeatureMetadataUpdate(null, Map.of(), List.of("source")));
            store.updateTags("customers", Map.of("owner", "ana"), List.of("team"));
            store.updateOnlineTtl("customers", new TtlDuration(TtlUnit.HOURS, 36));
        }
    }

    private void assertEverythingIsBack(FeatureGroup g) {
        assertEquals("Age in whole years", g.definition().feature("age").orElseThrow().description());
        assertEquals(Map.of("unit", "years"), g.definition().feature("age").orElseThrow().parameters());
        assertEquals("Risk score", g.definition().feature("score").orElseThrow().description());
        assertEquals(Map.of("range", "0-1"), g.definition().feature("score").orElseThrow().parameters());
        assertEquals("", g.definition().feature("customer_id").orElseThrow().description());
        assertEquals("Customer profile", g.definition().description());
        assertEquals(Map.of("owner", "ana"), g.definition().tags());
        assertEquals(new TtlDuration(TtlUnit.HOURS, 36), g.definition().onlineStore().ttl());
    }

    @Test
    void aCatalogEmptiedBehindTheStoreIsRestoredWithFeatureMetadataTagsAndTtl() throws Exception {
        createAndChange();
        new DamagedWorkspace(dir).sql("DELETE FROM FWB_FEATURE_GROUP");
        try (FeatureStore store = Workspace.open(dir)) {
            assertTrue(store.findFeatureGroup("customers").isEmpty(), "the catalog entry is gone");
            RepairReport repair = store.health().repair();
            assertTrue(repair.complete(), repair.toString());
            assertEverythingIsBack(store.describeFeatureGroup("customers"));
        }
    }

    @Test
    void aDatabaseFileRebuiltFromScratchKeepsTheFeatureMetadata() throws Exception {
        createAndChange();
        Files.delete(DatabaseDamage.databaseFile(dir));
        RepairReport repair = HealthOperations.repairWithNewDatabase(dir);
        assertTrue(repair.complete(), repair.toString());
        try (FeatureStore store = Workspace.open(dir)) {
            assertEverythingIsBack(store.describeFeatureGroup("customers"));
        }
    }

    @Test
    void aGroupWithAnAwsTagFromBeforeTheRuleIsRestoredWithoutThatTagAndTheReportSaysSo() throws Exception {
        createAndChange();
        Path file;
        try (FeatureStore store = Workspace.open(dir)) {
            file = new DefinitionFiles(dir.resolve("offline-store")).fileOf(store.describeFeatureGroup("customers"));
        }
        Files.writeString(file, Files.readString(file).replace("\"owner\"", "\"aws:owner\""));
        new DamagedWorkspace(dir).sql("DELETE FROM FWB_FEATURE_GROUP");
        try (FeatureStore store = Workspace.open(dir)) {
            RepairReport repair = store.health().repair();
            FeatureGroup restored = store.describeFeatureGroup("customers");
            assertEquals(Map.of(), restored.definition().tags());
            assertEquals("Risk score", restored.definition().feature("score").orElseThrow().description());
            assertTrue(repair.notRestored().stream().anyMatch(n -> n.startsWith("the tag 'aws:owner' of 'customers'")),
                    repair.notRestored().toString());
            assertTrue(Files.readString(file).contains("aws:owner"), "the definition file keeps the tag");
        }
    }

    @Test
    void theDefinitionFileReadsBackAsTheGroupItWasWrittenFrom() throws Exception {
        createAndChange();
        try (FeatureStore store = Workspace.open(dir)) {
            FeatureGroup group = store.describeFeatureGroup("customers");
            Path file = new DefinitionFiles(dir.resolve("offline-store")).fileOf(group);
            String text = Files.readString(file);
            assertTrue(text.contains("\"FeatureMetadata\""), text);
            FeatureGroup read = DefinitionFiles.read(file);
            assertEquals(group.definition(), read.definition());
            assertEquals(group.creationTime(), read.creationTime());
        }
    }
}
