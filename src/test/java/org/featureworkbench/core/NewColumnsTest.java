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
        NewColumns added = store.ingest().addNewColumnsAsFeatures("customers", file, null, false);
        assertEquals(List.of("email", "visits"), added.features().stream().map(FeatureDefinition::name).toList());
        assertEquals(6, store.describeFeatureGroup("customers").features().size());

        IngestSummary summary = store.ingest().ingest(IngestRequest.of("customers", file), null);
        assertEquals(List.of("first name"), summary.ignoredColumns());
        assertEquals("bo@example.com", store.records().getRecord("customers", "c2", null).orElseThrow().value("email"));
        assertEquals(7L, store.records().getRecord("customers", "c2", null).orElseThrow().value("visits"));
        assertTrue(store.ingest().newColumns("customers", file, null).features().isEmpty(), "nothing left to add");
        assertTrue(store.ingest().addNewColumnsAsFeatures("customers", file, null, false).features().isEmpty());
        assertEquals(6, store.describeFeatureGroup("customers").features().size(), "adding again changes nothing");
    }

    @Test
    void aFileTheIngestWouldRefuseGetsNoFeatures() throws IOException {
        Path noEventTime = Files.writeString(tmp.resolve("no_time.csv"), "customer_id,email\nc1,ann@example.com\n");
        org.featureworkbench.model.ValidationException e = assertThrows(org.featureworkbench.model.ValidationException.class,
                () -> store.ingest().addNewColumnsAsFeatures("customers", noEventTime, null, false));
        assertEquals("the file has no column for the event time 'event_time', so it cannot be ingested and no feature"
                + " was added. Add the column, or stamp every row with the ingest time.", e.getMessage());
        assertEquals(4, store.describeFeatureGroup("customers").features().size());
        assertEquals(List.of("email"), store.ingest().addNewColumnsAsFeatures("customers", noEventTime, null, true)
                .features().stream().map(FeatureDefinition::name).toList(), "stamped, the file can be ingested");

        Path noId = Files.writeString(tmp.resolve("no_id.csv"), "event_time,phone\n2026-12-01T10:00:00Z,555\n");
        assertTrue(assertThrows(org.featureworkbench.model.ValidationException.class,
                () -> store.ingest().addNewColumnsAsFeatures("customers", noId, null, true)).getMessage()
                .startsWith("the file has no column for the record identifier 'customer_id'"));
        assertEquals(5, store.describeFeatureGroup("customers").features().size());
    }

    @Test
    void anUnknownGroupIsReportedAsSuch() throws IOException {
        Path file = updatedFile();
        assertThrows(ResourceNotFoundException.class, () -> store.ingest().newColumns("nope", file, null));
    }
}
