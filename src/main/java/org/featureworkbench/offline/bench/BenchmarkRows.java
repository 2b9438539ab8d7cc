package org.featureworkbench.offline.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.offline.OfflineRow;

/** Deterministic benchmark rows for {@link OfflineFlushBenchmark#group()}. */
final class BenchmarkRows {
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    private BenchmarkRows() {
    }

    /**
     * {@code count} rows: unique ids, event times spread evenly over {@code hours} hours, random
     * ints and doubles, strings drawn from a vocabulary of 1,000 (typical categorical features).
     * Strings are shared objects so a million rows fit in a modest heap.
     */
    static List<OfflineRow> generate(FeatureGroup group, int count, int hours) {
        SplittableRandom random = new SplittableRandom(42);
        String[] vocabulary = new String[1000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = "category-" + Integer.toString(i * 7919, 36);
        }
        long spanSeconds = hours * 3600L;
        String[] eventTimes = new String[(int) spanSeconds];
        for (int s = 0; s < eventTimes.length; s++) {
            eventTimes[s] = EventTimes.format(START.plusSeconds(s), FeatureType.STRING);
        }
        Instant api = Instant.now();
        List<OfflineRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int second = (int) ((long) i * spanSeconds / count);
            Map<String, Object> values = new HashMap<>(32);
            values.put("record_id", "id-" + i);
            values.put("event_time", eventTimes[second]);
            for (int f = 0; f < 6; f++) {
                values.put("int_" + f, random.nextLong(1_000_000));
                values.put("double_" + f, random.nextDouble() * 1000);
                values.put("string_" + f, vocabulary[random.nextInt(vocabulary.length)]);
            }
            rows.add(new OfflineRow(values, START.plusSeconds(second), api, null, false));
        }
        return rows;
    }
}
