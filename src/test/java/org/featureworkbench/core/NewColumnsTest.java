package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file with columns its group lacks: which features would keep them, and adding them before an ingest. */
class NewColumnsTest {
    @TempDir
    Path tmp;
    FeatureStore store;

    @BeforeEach
    void open() {
        store = Workspace.open(tmp.resolve("ws"));
        store.createFeatureGroup(Definitions.customers("customers"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path updatedFile() throws IOException {
        // AGE differs from the feature 'age' only in case: the ingest maps it, so it is not new.
        return Files.writeString(tmp.resolve("customers_updated.csv"),
                "customer_id,event_time,AGE,email,visits,first name\n"
                        + "c1,2026-12-01T10:00:00Z,41,ann@example.com,3,Ann\n"
                        + "c2,2026-12-01T10:00:00Z,35,bo@example.com,7,Bo\n");
    }

    @Test
    void theColumnsTheGroupLacksBecomeFeaturesTypedFromTheFile() throws IOException {
        NewColumns columns = store.ingest().newColumns("customers", updatedFile(), null);
        assertEquals(List.of(new FeatureDefinition("email", FeatureType.STRING),
                new FeatureDefinition("visits", FeatureType.INTEGRAL)), columns.features());
        assertEquals(Map.of("first name", "first_name"), columns.renamed(), "not a valid feature name as it is");
        assertEquals("email (String), visits (Integral)", columns.describe());
    }

    @Test
    void addedBeforeTheIngestTheNewColumnsAreStored() throws IOException {
        Path file = updatedFile();
        assertEquals(6, store.ingest().addNewColumnsAsFeatures("customers", file, null).features().size());

        IngestSummary summary = store.ingest().ingest(IngestRequest.of("customers", file), null);
        assertEquals(List.of("first name"), summary.ignoredColumns());
        assertEquals("bo@example.com", store.records().getRecord("customers", "c2", null).orElseThrow().value("email"));
        assertEquals(7L, store.records().getRecord("customers", "c2", null).orElseThrow().value("visits"));
        assertTrue(store.ingest().newColumns("customers", file, null).features().isEmpty(), "nothing left to add");
        assertEquals(6, store.ingest().addNewColumnsAsFeatures("customers", file, null).features().size(),
                "adding again changes nothing");
    }

    @Test
    void anUnknownGroupIsReportedAsSuch() throws IOException {
        Path file = updatedFile();
        assertThrows(ResourceNotFoundException.class, () -> store.ingest().newColumns("nope", file, null));
    }
}
