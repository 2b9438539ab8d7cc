package org.featureworkbench.dataset.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.dataset.DatasetBase;
import org.featureworkbench.dataset.DatasetSpec;
import org.featureworkbench.dataset.JoinedGroup;
import org.junit.jupiter.api.Test;

/** The reference itself, on rows written by hand: if it is wrong, the randomized test proves nothing. */
class ReferenceDatasetTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final List<HistoryRow> rows = new ArrayList<>();
    private long order;

    @Test
    void theStateIsTheLastRowAtOrBeforeTheBaseTime() {
        put("a", 10, 1, 1, "v1");
        put("a", 20, 2, 1, "v2");
        put("a", 30, 3, 1, "v3");
        assertEquals(List.of("v1", "v1", "v2", "v3"), values(base(10, 19, 20, 99)));
        assertEquals(Arrays.asList((Object) null), values(base(9)));
    }

    @Test
    void aDeleteMarkerAtOrBeforeTheBaseTimeGivesNullsAndALaterOneDoesNot() {
        put("a", 10, 1, 1, "v1");
        delete("a", 20, 2, 1);
        assertEquals(Arrays.asList("v1", null, null), values(base(19, 20, 21)));
        assertEquals(List.of("v1"), values(spec(base(20)).withIncludeDeleted(true)));
    }

    @Test
    void equalEventTimesOrderByInvocationThenWriteTimeThenPutOrder() {
        put("a", 10, 5, 1, "later-invocation");
        put("a", 10, 4, 9, "earlier-invocation");
        put("b", 10, 4, 2, "later-write");
        put("b", 10, 4, 1, "earlier-write");
        put("c", 10, 4, 1, "first-put");
        put("c", 10, 4, 1, "second-put");
        assertEquals(List.of("later-invocation", "later-write", "second-put"), values(rowsOf("a", 10, "b", 10, "c", 10)));
    }

    @Test
    void aTieNothingOrdersIsAmbiguous() {
        put("a", 10, 4, 1, "x");
        delete("a", 10, 4, 1);
        assertThrows(AmbiguousCaseException.class, () -> values(base(10)));
    }

    @Test
    void lookbackKeepsAStateExactlyAtTheWindowsStart() {
        put("a", 10, 1, 1, "v1");
        DatasetSpec spec = DatasetSpec.of(DatasetBase.file(Path.of("b.csv"), "id", "t"),
                List.of(JoinedGroup.of("g").withFeatures(List.of("v")).withLookback(Duration.ofSeconds(5))));
        assertEquals(Arrays.asList("v1", "v1", null), values(spec, base(10, 15, 16)));
    }

    @Test
    void asOfForgetsRowsWrittenLater() {
        put("a", 10, 1, 1, "old");
        put("a", 12, 1, 50, "backfill");
        assertEquals(List.of("backfill"), values(spec(base(20))));
        assertEquals(List.of("old"), values(spec(base(20)).withAsOf(T0.plusSeconds(49))));
    }

    @Test
    void everyBaseRowIsKeptInTimeThenIdOrder() {
        put("a", 10, 1, 1, "v1");
        BaseTable base = rowsOf("zz", 30, "a", 30, "a", 11, "a", 11);
        ExpectedDataset expected = ReferenceDataset.of(spec(base), groups(), base);
        assertEquals(4, expected.rows().size());
        assertEquals(List.of("a", "a", "a", "zz"), expected.rows().stream().map(r -> r.get(0)).toList());
        assertEquals(Arrays.asList("v1", "v1", "v1", null), expected.rows().stream().map(r -> r.get(2)).toList());
    }

    @Test
    void aCollidingFeatureIsNamedAfterItsGroup() {
        put("a", 10, 1, 1, "v1");
        BaseTable base = BaseTable.of(List.of("id", "t", "v"), "id", "t", List.<Object[]>of(new Object[] {"a", "1", 0}));
        DatasetSpec spec = DatasetSpec.of(DatasetBase.file(Path.of("b.csv"), "id", "t"), List.of(JoinedGroup.of("g")));
        assertEquals(List.of("id", "t", "v", "ts", "g.v"), ReferenceDataset.of(spec, groups(), base).columns());
    }

    @Test
    void recentCountsIdenticalRowsOneEachAndRefusesToCutThroughDifferentOnes() {
        put("a", 10, 1, 1, "v1");
        BaseTable same = rowsOf("a", 10, "a", 10, "a", 5);
        assertEquals(1, ReferenceDataset.of(spec(same).withRecent(1), groups(), same).rows().size());
        BaseTable different = BaseTable.of(List.of("id", "t", "label"), "id", "t", List.of(
                new Object[] {"a", "10", 1}, new Object[] {"a", "10", 2}));
        assertThrows(AmbiguousCaseException.class,
                () -> ReferenceDataset.of(spec(different).withRecent(1), groups(), different));
    }

    @Test
    void aGroupBaseIsItsDeduplicatedHistoryWithoutMarkers() {
        put("a", 10, 1, 1, "first");
        put("a", 10, 2, 1, "second");
        put("a", 20, 3, 1, "kept");
        delete("a", 30, 4, 1);
        DatasetSpec spec = DatasetSpec.of(DatasetBase.group("g"), List.of(JoinedGroup.of("g").withFeatures(List.of("v"))));
        assertEquals(List.of("second", "kept"), column(ReferenceDataset.of(spec, groups(), null), "v"));
        assertEquals(3, ReferenceDataset.of(spec.withIncludeDuplicates(true).withIncludeDeleted(true), groups(), null)
                .rows().size(), "every stored row but the marker");
    }

    private void put(String id, int second, int invokedSecond, int writtenSecond, String v) {
        add(id, second, invokedSecond, writtenSecond, false, order++, v);
    }

    private void delete(String id, int second, int invokedSecond, int writtenSecond) {
        add(id, second, invokedSecond, writtenSecond, true, null, null);
    }

    private void add(String id, int second, int invoked, int written, boolean deleted, Long putOrder, String v) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        values.put("ts", T0.plusSeconds(second).toString());
        values.put("v", v);
        rows.add(new HistoryRow(id, T0.plusSeconds(second), T0.plusSeconds(invoked), T0.plusSeconds(written), deleted,
                putOrder, values));
    }

    private Map<String, GroupHistory> groups() {
        return Map.of("g", new GroupHistory("g", "id", "ts", List.of("id", "ts", "v"), rows));
    }

    private static BaseTable base(int... seconds) {
        List<Object[]> cells = new ArrayList<>();
        for (int s : seconds) {
            cells.add(new Object[] {"a", T0.plusSeconds(s).toString()});
        }
        return BaseTable.of(List.of("id", "t"), "id", "t", cells);
    }

    private static BaseTable rowsOf(Object... idsAndSeconds) {
        List<Object[]> cells = new ArrayList<>();
        for (int i = 0; i < idsAndSeconds.length; i += 2) {
            cells.add(new Object[] {idsAndSeconds[i], T0.plusSeconds((Integer) idsAndSeconds[i + 1]).toString()});
        }
        return BaseTable.of(List.of("id", "t"), "id", "t", cells);
    }

    private static DatasetSpec spec(BaseTable base) {
        return DatasetSpec.of(DatasetBase.file(Path.of("b.csv"), "id", "t"),
                List.of(JoinedGroup.of("g").withFeatures(List.of("v"))));
    }

    private List<Object> values(BaseTable base) {
        return values(spec(base), base);
    }

    private List<Object> values(DatasetSpec spec) {
        return values(spec, base(20));
    }

    private List<Object> values(DatasetSpec spec, BaseTable base) {
        return column(ReferenceDataset.of(spec, groups(), base), "v");
    }

    private static List<Object> column(ExpectedDataset dataset, String name) {
        int i = dataset.columns().indexOf(name);
        return dataset.rows().stream().map(r -> r.get(i)).toList();
    }
}
