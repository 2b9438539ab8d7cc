package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.RecordIdPage;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ListRecords through the facade on a real workspace: order, paging, deletes, expiry and bad input. */
class ListRecordsTest {
    @TempDir
    Path workspace;
    FeatureStore store;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        group("users", FeatureType.STRING);
        group("orders", FeatureType.INTEGRAL);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void group(String name, FeatureType idType) {
        store.createFeatureGroup(new FeatureGroupDefinition(name, "id", "ts", List.of(
                new FeatureDefinition("id", idType), new FeatureDefinition("ts", FeatureType.FRACTIONAL),
                new FeatureDefinition("v", FeatureType.STRING)), "", Map.of(), OnlineStoreConfig.ENABLED,
                OfflineStoreConfig.ENABLED));
    }

    private void put(String group, String id, String ts) {
        store.records().putRecord(group, Record.builder().put("id", id).put("ts", ts).put("v", "x").build(),
                Set.of(), null);
    }

    private List<String> all(String group, int pageSize, boolean includeDeleted) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            RecordIdPage page = store.records().listRecords(group, pageSize, token, includeDeleted);
            assertTrue(page.recordIdentifiers().size() <= pageSize, page.toString());
            ids.addAll(page.recordIdentifiers());
            token = page.nextToken().orElse(null);
        } while (token != null);
        return ids;
    }

    @Test
    void pagesWalkEveryIdOnceInIdOrderAndTheLastPageHasNoToken() {
        for (String id : List.of("u5", "u1", "u7", "u3", "u2", "u6", "u4")) {
            put("users", id, "1700000000");
        }

        RecordIdPage first = store.records().listRecords("users", 3, null, false);
        RecordIdPage second = store.records().listRecords("users", 3, first.nextToken().orElseThrow(), false);
        RecordIdPage third = store.records().listRecords("users", 3, second.nextToken().orElseThrow(), false);

        assertEquals(List.of("u1", "u2", "u3"), first.recordIdentifiers());
        assertEquals(List.of("u4", "u5", "u6"), second.recordIdentifiers());
        assertEquals(List.of("u7"), third.recordIdentifiers());
        assertEquals(Optional.empty(), third.nextToken());
        assertEquals(List.of("u1", "u2", "u3", "u4", "u5", "u6", "u7"), all("users", 100, false));
    }

    @Test
    void aPageThatEndsExactlyAtTheLastRecordHasNoToken() {
        put("users", "a", "1700000000");
        put("users", "b", "1700000000");

        RecordIdPage page = store.records().listRecords("users", 2, null, false);

        assertEquals(List.of("a", "b"), page.recordIdentifiers());
        assertEquals(Optional.empty(), page.nextToken());
    }

    @Test
    void integralIdsAreListedInNumericOrder() {
        for (String id : List.of("10", "9", "-3", "100", "2")) {
            put("orders", id, "1700000000");
        }

        assertEquals(List.of("-3", "2", "9", "10", "100"), all("orders", 2, false));
    }

    @Test
    void softDeletedRecordsOnlyWhenAskedAndHardDeletedNever() {
        for (String id : List.of("a", "b", "c", "d")) {
            put("users", id, "1700000000");
        }
        store.records().deleteRecord("users", "b", "1700000001", DeletionMode.SOFT_DELETE, Set.of());
        store.records().deleteRecord("users", "c", "1700000001", DeletionMode.HARD_DELETE, Set.of());

        assertEquals(List.of("a", "d"), all("users", 1, false));
        assertEquals(List.of("a", "b", "d"), all("users", 1, true));
    }

    @Test
    void expiredRecordsAreNeverListed() {
        put("users", "fresh", String.valueOf(System.currentTimeMillis() / 1000));
        // Event time in 2023 plus one second: expired long ago, though the purge has not removed it yet.
        store.records().putRecord("users", Record.builder().put("id", "stale").put("ts", "1700000000").build(),
                Set.of(), new TtlDuration(TtlUnit.SECONDS, 1));

        assertEquals(List.of("fresh"), all("users", 10, true));
    }

    @Test
    void anEmptyGroupIsAnEmptyPage() {
        RecordIdPage page = store.records().listRecords("users", null, null, false);

        assertEquals(List.of(), page.recordIdentifiers());
        assertEquals(Optional.empty(), page.nextToken());
    }

    @Test
    void badPageSizesTokensAndGroupsAreErrorsThatSayWhatToDo() {
        put("users", "a", "1700000000");
        put("users", "b", "1700000000");
        put("orders", "1", "1700000000");
        put("orders", "2", "1700000000");
        String ordersToken = store.records().listRecords("orders", 1, null, false).nextToken().orElseThrow();

        ValidationException zero = assertThrows(ValidationException.class,
                () -> store.records().listRecords("users", 0, null, false));
        ValidationException tooMany = assertThrows(ValidationException.class,
                () -> store.records().listRecords("users", 1001, null, false));
        ValidationException garbage = assertThrows(ValidationException.class,
                () -> store.records().listRecords("users", 1, "not a token!", false));
        ValidationException foreign = assertThrows(ValidationException.class,
                () -> store.records().listRecords("users", 1, ordersToken, false));
        assertThrows(ResourceNotFoundException.class, () -> store.records().listRecords("nope", 1, null, false));

        assertEquals("MaxResults", zero.field());
        assertTrue(tooMany.getMessage().contains("1 to 1000"), tooMany.getMessage());
        assertTrue(garbage.getMessage().contains("pass the previous page's token unchanged"), garbage.getMessage());
        assertTrue(foreign.getMessage().contains("another feature group ('orders'"), foreign.getMessage());
    }

    @Test
    void aTokenStillWorksAfterRecordsWereAddedBeforeAndAfterIt() {
        for (String id : List.of("b", "d", "f")) {
            put("users", id, "1700000000");
        }
        RecordIdPage first = store.records().listRecords("users", 2, null, false);
        put("users", "a", "1700000000");
        put("users", "e", "1700000000");

        RecordIdPage next = store.records().listRecords("users", 10, first.nextToken().orElseThrow(), false);

        assertEquals(List.of("b", "d"), first.recordIdentifiers());
        assertEquals(List.of("e", "f"), next.recordIdentifiers());
    }
}
