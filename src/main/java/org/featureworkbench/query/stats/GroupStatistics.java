package org.featureworkbench.query.stats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Statistics of one feature group's offline data, over its latest snapshot or over all history.
 *
 * @param group       the group's name
 * @param latestOnly  true: the state of every record now (DESIGN.md §3); false: every stored row
 *                    except delete markers (duplicates included, as the offline store holds them)
 * @param rows        rows counted
 * @param firstEvent  the earliest event time among them; empty when there are no rows
 * @param lastEvent   the latest event time among them; empty when there are no rows
 * @param features    one entry per feature, in catalog order
 * @param overTime    rows per hour, day, week or month of event time
 * @param exact       true when distinct counts and quartiles are exact; false when they are DuckDB's
 *                    HyperLogLog and t-digest estimates (groups above {@link DuckDbStatistics#EXACT_ROWS} rows)
 * @param computedAt  when DuckDB computed these numbers (a cached result keeps its time)
 */
public record GroupStatistics(String group, boolean latestOnly, long rows, Optional<Instant> firstEvent,
                              Optional<Instant> lastEvent, List<FeatureStatistics> features, TimeSeries overTime,
                              boolean exact, Instant computedAt) {
    public GroupStatistics {
        features = List.copyOf(features);
    }

    /** The statistics of one feature, if the group has it. */
    public Optional<FeatureStatistics> feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
