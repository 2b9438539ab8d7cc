package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.featureworkbench.writepath.WritePathGroups.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.RecordOperations;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flushed files: SageMaker's layout and names, exact column types, and schema growth. */
class OfflineFilesIT {
    private static final Set<TargetStore> BOTH = Set.of();
    private static final Pattern FILE = Pattern.compile(
            "year=(\\d{4})/month=(\\d{2})/day=(\\d{2})/hour=(\\d{2})/(\\d{8}T\\d{6}Z)_[A-Za-z0-9]{16}\\.parquet");

    @TempDir
    Path workspace;
    private FeatureStore store;
    private RecordOperations records;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        store.createFeatureGroup(WritePathGroups.customers());
        records = store.records();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void flushWritesOneFilePerEventHourNamedAfterItsLatestEvent() throws IOException {
        records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:15:00Z", 1, 1, "a"), BOTH, null);
        records.putRecord(CUSTOMERS, customer("c2", "2024-05-01T10:45:30Z", 2, 2, "b"), BOTH, null);
        records.putRecord(CUSTOMERS, customer("c3", "2024-12-31T23:59:59.500Z", 3, 3, "c"), BOTH, null);

        assertEquals(3, records.flush(CUSTOMERS).rows());

        List<Path> files = new OfflineRows(store).files(CUSTOMERS);
        assertEquals(2, files.size(), files.toString());
        assertFile(files.get(0), "2024", "05", "01", "10", "20240501T104530Z");
        assertFile(files.get(1), "2024", "12", "31", "23", "20241231T235959Z");
        assertTrue(store.offlineStoreDirectory().resolve(store.describeFeatureGroup(CUSTOMERS).offlineFolderName())
                .toFile().isDirectory(), "the group folder is <name>-<creation epoch seconds>");
    }

    @Test
    void columnsHaveSageMakerTypesAndExactValues() {
        Instant before = Instant.now();
        records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:15:00.250Z", -9_000_000_000L, 0.1, "Zürich"),
                BOTH, null);
        Instant after = Instant.now();
        records.flush(CUSTOMERS);
        Instant flushed = Instant.now();

        OfflineRows offline = new OfflineRows(store);
        Map<String, String> types = offline.types(CUSTOMERS);
        assertEquals("VARCHAR", types.get("customer_id"));
        assertEquals("VARCHAR", types.get("event_time"));
        assertEquals("BIGINT", types.get("age"));
        assertEquals("DOUBLE", types.get("score"));
        assertEquals("VARCHAR", types.get("city"));
        assertEquals("TIMESTAMP WITH TIME ZONE", types.get("api_invocation_time"));
        assertEquals("TIMESTAMP WITH TIME ZONE", types.get("write_time"));
        assertEquals("BOOLEAN", types.get("is_deleted"));
        Map<String, Object> row = offline.all(CUSTOMERS, "event_time").get(0);
        assertEquals("2024-05-01T10:15:00.250Z", row.get("event_time"));
        assertEquals(-9_000_000_000L, row.get("age"));
        assertEquals(0.1, row.get("score"));
        assertEquals("Zürich", row.get("city"));
        Instant invoked = (Instant) row.get("api_invocation_time");
        Instant written = (Instant) row.get("write_time");
        assertTrue(!invoked.isBefore(before.minusMillis(1)) && !invoked.isAfter(after), invoked + " during the put");
        assertTrue(!written.isBefore(invoked) && !written.isAfter(flushed), written + " during the flush");
    }

    @Test
    void featureAddedLaterIsANewColumnThatOlderFilesReadAsNull() {
        records.putRecord(CUSTOMERS, customer("c1", "2024-05-01T10:00:00Z", 30, 0.5, "Lyon"), BOTH, null);
        records.flush(CUSTOMERS);
        store.addFeatures(CUSTOMERS, List.of(new FeatureDefinition("tier", FeatureType.INTEGRAL)));
        records.putRecord(CUSTOMERS, Record.builder().put("customer_id", "c2").put("event_time", "2024-05-01T10:05:00Z")
                .put("tier", "3").build(), BOTH, null);
        records.flush(CUSTOMERS);

        OfflineRows offline = new OfflineRows(store);
        assertEquals("BIGINT", offline.types(CUSTOMERS).get("tier"));
        List<Map<String, Object>> rows = offline.all(CUSTOMERS, "event_time");
        assertEquals(2, rows.size());
        assertNull(rows.get(0).get("tier"), "the older file lacks the column");
        assertEquals(3L, rows.get(1).get("tier"));
        assertNull(rows.get(1).get("city"), "PutRecord is a full overwrite: an absent feature is null");
        assertEquals(3L, records.getRecord(CUSTOMERS, "c2", null).orElseThrow().value("tier"));
    }

    private static void assertFile(Path relative, String year, String month, String day, String hour, String latest) {
        Matcher m = FILE.matcher(relative.toString().replace('\\', '/'));
        assertTrue(m.matches(), relative + " follows SageMaker's key layout");
        assertEquals(List.of(year, month, day, hour, latest), List.of(m.group(1), m.group(2), m.group(3), m.group(4),
                m.group(5)));
    }
}
