package org.featureworkbench.ui.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupViewModelTest {
    @TempDir
    Path workspace;
    RecordsFixture f;
    LookupViewModel lookup;

    @BeforeEach
    void open() {
        f = new RecordsFixture(workspace);
        lookup = f.vm.lookup();
        f.put("c1", RecordsFixture.iso(RecordsFixture.hoursAgo(3)), "41");
        f.put("c2", RecordsFixture.iso(RecordsFixture.hoursAgo(2)), "52");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> ids() {
        return lookup.records().stream().map(RecordRow::id).toList();
    }

    @Test
    void oneIdShowsItsLatestValuesEventTimeAndExpiry() {
        java.time.Instant time = RecordsFixture.hoursAgo(1);
        f.put("c1", RecordsFixture.iso(time), "42");
        lookup.idsTextProperty().set("c1");
        lookup.lookUp();
        assertEquals(List.of("c1"), ids());
        RecordRow row = lookup.records().get(0);
        assertEquals("42", row.values().get("age"));
        assertEquals(RecordRow.NO_VALUE, row.values().get("score"), "a feature never given has no value");
        assertEquals(RecordsFixture.iso(time), row.eventTime());
        assertEquals(RecordRow.readable(time.plus(java.time.Duration.ofDays(7))), row.expiresAt(),
                "event time + the group's 7-day TTL");
        assertEquals("", lookup.notFoundProperty().get());
        assertEquals("", lookup.messageProperty().get());
    }

    @Test
    void aGroupWhoseOnlineTableIsGoneSaysSoInsteadOfNotFound() throws Exception {
        lookup.idsTextProperty().set("c1, c9");
        lookup.lookUp();
        assertTrue(lookup.notFoundProperty().get().startsWith("Not found: c9"), lookup.notFoundProperty().get());

        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                org.featureworkbench.workspace.Workspace.jdbcUrl(workspace), "fwb", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("DROP TABLE \"" + org.featureworkbench.online.H2OnlineStore.tableName(f.group) + "\"");
        }
        for (String ids : List.of("c1", "c1, c9")) {
            lookup.idsTextProperty().set(ids);
            lookup.lookUp();
            assertTrue(lookup.messageProperty().get().contains("the online table of feature group 'customers' is "
                    + "missing"), lookup.messageProperty().get());
            assertTrue(lookup.messageProperty().get().contains("run 'feature-workbench check'"));
            assertEquals("", lookup.notFoundProperty().get(), "nothing is called not found");
            assertTrue(lookup.records().isEmpty(), "no rows from an earlier answer");
        }
    }

    @Test
    void columnsAreTheIdAndEventTimeThenTheFeaturesThenExpiry() {
        assertEquals(List.of("customer_id", "event_time", "age", "score", "Expires at"),
                lookup.columns().stream().map(ResultColumn::title).toList());
    }

    @Test
    void manyIdsAreReadTogetherAndMissingOnesAreNamed() {
        lookup.idsTextProperty().set("c2, nobody ,c1,, c2");
        lookup.lookUp();
        assertEquals(List.of("c2", "c1"), ids(), "in the order asked, each id once");
        assertEquals("Not found: nobody (never written, deleted or expired)", lookup.notFoundProperty().get());
    }

    @Test
    void aMissingSingleIdIsNotAnError() {
        lookup.idsTextProperty().set("ghost");
        lookup.lookUp();
        assertTrue(lookup.records().isEmpty());
        assertEquals("Not found: ghost (never written, deleted or expired)", lookup.notFoundProperty().get());
        assertTrue(f.dialogs.errors.isEmpty());
    }

    @Test
    void moreThanAHundredIdsLooksUpTheFirstHundredAndSaysSo() {
        String ids = IntStream.rangeClosed(1, 105).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        lookup.idsTextProperty().set(ids);
        lookup.lookUp();
        assertEquals(List.of("c1", "c2"), ids());
        assertTrue(lookup.messageProperty().get().contains("at most 100"), lookup.messageProperty().get());
        assertTrue(lookup.notFoundProperty().get().contains("c100 "), "c100 was asked");
        assertTrue(!lookup.notFoundProperty().get().contains("c101"), "c101 was not asked");
    }

    @Test
    void anEmptyInputExplainsWhatToType() {
        lookup.idsTextProperty().set(" , ");
        lookup.lookUp();
        assertTrue(lookup.messageProperty().get().startsWith("Type a record id"));
    }

    @Test
    void anIdThatIsNotAnIntegralIsReportedInline() {
        var orders = f.store.createFeatureGroup(new org.featureworkbench.model.FeatureGroupDefinition("orders",
                "order_id", "ts", List.of(new org.featureworkbench.model.FeatureDefinition("order_id",
                        org.featureworkbench.model.FeatureType.INTEGRAL),
                new org.featureworkbench.model.FeatureDefinition("ts", org.featureworkbench.model.FeatureType.FRACTIONAL)),
                "", java.util.Map.of(), org.featureworkbench.model.OnlineStoreConfig.ENABLED,
                org.featureworkbench.model.OfflineStoreConfig.ENABLED));
        f.vm.groupProperty().set(orders);
        lookup.idsTextProperty().set("abc");
        lookup.lookUp();
        assertTrue(lookup.messageProperty().get().contains("not an Integral"), lookup.messageProperty().get());
        assertTrue(f.dialogs.errors.isEmpty(), "an input mistake is not an error dialog");
    }

    @Test
    void switchingGroupsClearsTheResults() {
        lookup.idsTextProperty().set("c1");
        lookup.lookUp();
        f.vm.groupProperty().set(f.store.createFeatureGroup(Definitions.customers("others")));
        assertTrue(lookup.records().isEmpty());
        assertEquals("", lookup.idsTextProperty().get());
    }
}
