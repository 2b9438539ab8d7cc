package org.featureworkbench.ui.records;

import static org.featureworkbench.ui.records.RecordsFixture.hoursAgo;
import static org.featureworkbench.ui.records.RecordsFixture.iso;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.testing.OnlineTableBehindTheStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PutRecordViewModelTest {
    @TempDir
    Path workspace;
    RecordsFixture f;
    PutRecordViewModel form;

    @BeforeEach
    void open() {
        f = new RecordsFixture(workspace);
        form = f.vm.putForm();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private OnlineRecord stored(String id) {
        return f.store.records().getRecord("customers", id, null).orElseThrow();
    }

    @Test
    void theFormHasOneInputPerFeatureWithItsTypeAndEventTimeNow() {
        assertEquals(List.of("customer_id", "event_time", "age", "score"), form.fields().stream().map(PutField::name).toList());
        assertEquals("Integral · whole number", form.field("age").typeHint());
        assertEquals("Fractional · decimal number", form.field("score").typeHint());
        Instant prefilled = Instant.parse(form.field("event_time").valueProperty().get());
        assertTrue(Duration.between(prefilled, Instant.now()).abs().getSeconds() < 5, "prefilled with now");
        assertFalse(form.canPutProperty().get(), "no record id yet");
        assertEquals("Fill in customer_id to put a record.", form.missingProperty().get());
        assertTrue(form.targetOnlineProperty().get() && form.targetOfflineProperty().get());
        assertTrue(form.ttlEnabledProperty().get());
    }

    @Test
    void featuresAddedToTheGroupAppendInputsAndLeaveTheTypedOnesAlone() {
        f.type("customer_id", "c7");
        PutField age = form.field("age");
        List<String> changes = new java.util.ArrayList<>();
        form.fields().addListener((javafx.collections.ListChangeListener<PutField>) c -> {
            while (c.next()) {
                changes.add((c.wasRemoved() ? "removed " + c.getRemovedSize() + " " : "")
                        + (c.wasAdded() ? "added " + c.getAddedSize() + " at " + c.getFrom() : ""));
            }
        });

        f.vm.groupProperty().set(f.store.updateTags("customers", java.util.Map.of("team", "growth"), java.util.Set.of()));
        assertTrue(changes.isEmpty(), "a tag changes no input");

        f.vm.groupProperty().set(f.store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.STRING))));
        assertEquals(List.of("customer_id", "event_time", "age", "score", "segment"),
                form.fields().stream().map(PutField::name).toList());
        assertEquals(List.of("added 1 at 4"), changes, "appended, nothing replaced");
        assertTrue(age == form.field("age"), "the inputs typed in are the same ones");
        assertEquals("c7", form.field("customer_id").valueProperty().get());
    }

    @Test
    void aValidRecordIsPutAndTheResultSaysWhatHappened() {
        f.type("customer_id", "c1");
        f.type("age", "42");
        f.type("score", "0.75");
        assertTrue(form.canPutProperty().get());
        f.executor.takeLanes();
        form.put();
        assertEquals(org.featureworkbench.ui.task.LaneRecordingExecutor.Lane.MAY_WAIT, f.executor.takeLanes().get(0),
                "a put may wait minutes for features being added: never on the short tasks' two threads");
        assertEquals("c1: Online written: now its newest version; offline queued (in Parquet within a few seconds)",
                form.resultProperty().get());
        assertEquals(42L, stored("c1").value("age"));
        assertEquals(0.75, stored("c1").value("score"));
        assertEquals("1", f.vm.counts().value("Online records"), "counts refresh after the put");
    }

    @Test
    void aValueThatIsNotItsTypeIsShownBesideItsInputAndPutIsDisabled() {
        f.type("customer_id", "c1");
        f.type("age", "42.0");
        assertTrue(form.field("age").errorProperty().get().contains("not an Integral"), form.field("age").errorProperty().get());
        assertTrue(form.field("age").errorProperty().get().contains("write 42"), "the store's own hint");
        assertEquals("", form.field("score").errorProperty().get());
        assertFalse(form.canPutProperty().get());
        form.put();
        assertTrue(f.store.records().getRecord("customers", "c1", null).isEmpty(), "nothing was written");
        f.type("age", "42");
        assertEquals("", form.field("age").errorProperty().get());
        assertTrue(form.canPutProperty().get());
    }

    @Test
    void aBadEventTimeNamesTheAcceptedForms() {
        f.type("customer_id", "c1");
        f.type("event_time", "2024-01-01 10:00");
        assertTrue(form.field("event_time").errorProperty().get().contains("yyyy-MM-ddTHH:mm:ssZ"));
        assertFalse(form.canPutProperty().get());
        form.fillNow();
        assertTrue(form.canPutProperty().get());
    }

    @Test
    void anErasedRecordIdIsRequired() {
        f.type("customer_id", "c1");
        f.type("customer_id", "");
        assertEquals("Required: every record needs its record identifier.", form.field("customer_id").errorProperty().get());
        assertFalse(form.canPutProperty().get());
    }

    @Test
    void anOlderEventTimeLeavesTheOnlineRecordAndGoesToHistory() {
        f.put("c1", iso(hoursAgo(1)), "50");
        f.type("customer_id", "c1");
        f.type("event_time", iso(hoursAgo(5)));
        f.type("age", "20");
        form.put();
        assertEquals("c1: Online unchanged: the stored record is newer; written to offline history",
                form.resultProperty().get());
        assertEquals(50L, stored("c1").value("age"));
    }

    @Test
    void aPutRefreshesTheLookupWhenItShowsThatId() {
        f.put("c1", iso(hoursAgo(2)), "50");
        f.vm.lookup().idsTextProperty().set("c1, c2");
        f.vm.lookup().lookUp();
        f.type("customer_id", "c1");
        f.type("age", "51");
        form.put();
        assertEquals("51", f.vm.lookup().records().get(0).values().get("age"));
    }

    @Test
    void targetStoresAndTtlAreValidatedAndApplied() {
        f.type("customer_id", "c1");
        form.targetOnlineProperty().set(false);
        form.targetOfflineProperty().set(false);
        assertEquals("Choose at least one store to write to.", form.targetsErrorProperty().get());
        assertFalse(form.canPutProperty().get());
        form.targetOnlineProperty().set(true);
        form.ttlProperty().set("soon");
        assertTrue(form.ttlErrorProperty().get().contains("not a TTL"));
        assertFalse(form.canPutProperty().get());
        form.ttlProperty().set("1h");
        form.put();
        assertEquals("c1: Online written: now its newest version; offline not written", form.resultProperty().get());
        Instant eventTime = Instant.parse(form.field("event_time").valueProperty().get());
        assertEquals(eventTime.plus(Duration.ofHours(1)), stored("c1").expiresAt(), "the record TTL overrides 7 days");
        assertEquals("0", f.vm.counts().value("Waiting for offline"));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a failed ALTER would otherwise leave the write waiting 5 minutes
    void aPutThatWaitsForFeaturesBeingAddedSaysSoThenShowsItsResult() throws Exception {
        f.store.addFeatures("customers", List.of(new FeatureDefinition("segment", FeatureType.STRING)));
        String table = OnlineTableBehindTheStore.of(f.store, "customers");
        // as while H2 copies the table to add it
        OnlineTableBehindTheStore.alter(workspace, table, "DROP COLUMN \"segment\"");
        List<String> shown = new CopyOnWriteArrayList<>();
        form.resultProperty().addListener((o, was, now) -> {
            shown.add(now);
            if (now.contains("waits")) {
                // the copy is done
                CompletableFuture.runAsync(() -> OnlineTableBehindTheStore.alter(workspace, table,
                        "ADD COLUMN \"segment\" VARCHAR"));
            }
        });
        f.type("customer_id", "c1");
        f.type("age", "42");

        form.put();

        assertEquals(List.of("The put of record 'c1' waits: features are being added to feature group 'customers', and it"
                + " is done once the online table has them.",
                "c1: Online written: now its newest version; offline queued (in Parquet within a few seconds)"), shown);
        assertEquals(42L, stored("c1").value("age"));
    }
}
