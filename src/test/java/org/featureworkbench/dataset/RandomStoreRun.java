package org.featureworkbench.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.dataset.reference.AmbiguousCaseException;
import org.featureworkbench.dataset.reference.ExpectedDataset;
import org.featureworkbench.dataset.reference.GroupHistory;
import org.featureworkbench.dataset.reference.HistoryRow;
import org.featureworkbench.dataset.reference.ReferenceDataset;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.workspace.Workspace;

/**
 * One workspace of the randomized test: a random history written in phases, then many random
 * specs over it, each previewed by the builder and computed by the reference.
 */
final class RandomStoreRun {
    /** What one store's cases found. */
    record Outcome(int compared, int ambiguous, List<String> failures, Map<String, Integer> tags,
                   Map<String, Integer> history) {
    }

    private static final int MAX_ROWS = 100_000;

    private RandomStoreRun() {
    }

    static Outcome run(Path dir, long seed, int cases) throws Exception {
        Random random = new Random(seed);
        Files.createDirectories(dir.resolve("bases"));
        try (FeatureStore store = Workspace.open(dir.resolve("workspace")); BaseFiles files = new BaseFiles()) {
            List<RandomGroups.Shape> shapes = RandomGroups.create(store, random);
            RandomHistory.Phases phases = new RandomHistory(store, random).write(shapes, 3, 100);
            Map<String, GroupHistory> histories = new LinkedHashMap<>();
            for (RandomGroups.Shape s : shapes) {
                histories.put(s.name(), StoredHistory.read(store, s.name(), RandomGroups.PUT_ORDER));
            }
            RandomCases generator = new RandomCases(shapes, phases, writeTimes(histories), histories,
                    dir.resolve("bases"), random, files);
            List<String> failures = new ArrayList<>();
            Map<String, Integer> tags = new TreeMap<>();
            int compared = 0;
            int ambiguous = 0;
            for (int i = 0; compared < cases; i++) {
                RandomCases.Case c = generator.next(i);
                ExpectedDataset expected;
                try {
                    expected = ReferenceDataset.of(c.spec(), histories, c.file());
                } catch (AmbiguousCaseException e) {
                    ambiguous++;
                    continue;
                }
                compared++;
                String difference = compare(store, c, expected);
                if (difference != null) {
                    failures.add("case " + i + " of store seed " + seed + ": " + difference + "\nspec: " + c.describe());
                }
                c.tags().forEach(t -> tags.merge(t, 1, Integer::sum));
                if (expected.columns().stream().anyMatch(n -> n.contains("."))) {
                    tags.merge("colliding-names", 1, Integer::sum);
                }
            }
            if (!failures.isEmpty()) {
                // Write times and millisecond ties depend on the clock, so the seed alone may not bring them back.
                histories.values().forEach(g -> System.out.println("HISTORY of store seed " + seed + ", group " + g.name()
                        + ":\n" + g.rows().stream().map(Object::toString).collect(java.util.stream.Collectors.joining("\n"))));
            }
            return new Outcome(compared, ambiguous, failures, tags, HistoryCoverage.of(histories.values()));
        }
    }

    private static String compare(FeatureStore store, RandomCases.Case c, ExpectedDataset expected) {
        try (QueryResult result = store.datasets().preview(c.spec(), MAX_ROWS, new QueryCancellation())) {
            List<String> columns = result.columns().stream().map(ResultColumn::name).toList();
            List<Object[]> rows = result.page(0, (int) Math.max(1, result.rowCount()));
            return DatasetComparison.difference(expected, c.baseTimeColumn(), columns, rows);
        } catch (RuntimeException e) {
            return "the builder failed: " + e;
        }
    }

    private static List<Instant> writeTimes(Map<String, GroupHistory> histories) {
        TreeSet<Instant> times = new TreeSet<>();
        for (GroupHistory g : histories.values()) {
            for (HistoryRow row : g.rows()) {
                times.add(row.writeTime());
            }
        }
        return new ArrayList<>(times);
    }

    static Map<String, Integer> sum(List<Map<String, Integer>> maps) {
        Map<String, Integer> total = new HashMap<>();
        maps.forEach(m -> m.forEach((k, v) -> total.merge(k, v, Integer::sum)));
        return new TreeMap<>(total);
    }
}
