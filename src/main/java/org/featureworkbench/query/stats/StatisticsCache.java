package org.featureworkbench.query.stats;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The last few computed statistics, by data version; least recently used go first. Thread-safe. */
final class StatisticsCache {
    /**
     * A version of a group's offline data as statistics see it. The offline store only grows (new
     * files; compaction rewrites rows without changing them), so the row count and the newest
     * {@code write_time} change exactly when the rows do; the features (name:type) are part of the key because
     * adding features changes the statistics without touching a file.
     */
    record Key(String folder, boolean latestOnly, List<String> features, long rows, Instant newestWrite) {
    }

    private final Map<Key, GroupStatistics> entries;

    StatisticsCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, GroupStatistics> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized GroupStatistics get(Key key) {
        return entries.get(key);
    }

    synchronized void put(Key key, GroupStatistics value) {
        // Older versions of the same group are never asked for again.
        entries.keySet().removeIf(k -> k.folder().equals(key.folder()) && k.latestOnly() == key.latestOnly());
        entries.put(key, value);
    }

    synchronized int size() {
        return entries.size();
    }
}
