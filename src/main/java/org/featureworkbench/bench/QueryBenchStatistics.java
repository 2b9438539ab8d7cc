package org.featureworkbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.stats.GroupStatistics;

/**
 * Times {@code store.query().statistics(…)} of the big group: all history and the latest snapshot,
 * each the first call for this version of the data (computed, not cached), then a repeated call
 * (served from the statistics cache).
 */
final class QueryBenchStatistics {
    private QueryBenchStatistics() {
    }

    static List<QueryBenchReport.Line> measure(FeatureStore store, String group) {
        List<QueryBenchReport.Line> lines = new ArrayList<>();
        lines.add(time(store, group, false, "statistics, all history (first call: computed)",
                QueryBenchReport.GOAL_STATISTICS_SECONDS));
        lines.add(time(store, group, true, "statistics, latest snapshot (first call: computed)",
                QueryBenchReport.GOAL_STATISTICS_SECONDS));
        lines.add(time(store, group, false, "statistics, all history again (cached)", null));
        return lines;
    }

    private static QueryBenchReport.Line time(FeatureStore store, String group, boolean latest, String what, Double goal) {
        long t = System.nanoTime();
        GroupStatistics stats = store.query().statistics(group, latest, new QueryCancellation());
        double seconds = (System.nanoTime() - t) / 1e9;
        return new QueryBenchReport.Line(what, seconds, String.format(Locale.ROOT, "%,d rows, %d features",
                stats.rows(), stats.features().size()), goal);
    }
}
