package org.featureworkbench.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.featureworkbench.core.FeatureStore;

/**
 * Times the statistics of a group when this build has {@code store.query().statistics(…)} (issue
 * 10, written in parallel with this benchmark); otherwise says it was not measured, never a number.
 */
final class QueryBenchStatistics {
    /**
     * @param seconds null when not measured
     * @param note    what was measured or why not
     */
    record Outcome(Double seconds, String note) {
    }

    private QueryBenchStatistics() {
    }

    static Outcome measure(FeatureStore store, String group) {
        Object query = store.query();
        Method statistics = Arrays.stream(query.getClass().getMethods())
                .filter(m -> m.getName().equals("statistics")).findFirst().orElse(null);
        if (statistics == null) {
            return new Outcome(null, "");
        }
        String signature = Arrays.stream(statistics.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", "));
        return new Outcome(null, "; found statistics(" + signature + "), which this benchmark does not know how to call yet");
    }
}
