package org.featureworkbench.dataset;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One feature group joined onto the base rows.
 *
 * @param group      the group's name
 * @param features   the features it contributes, in this order; empty = every feature except its
 *                   record identifier (which equals the base column)
 * @param baseColumn the base column matched to the group's record identifier; null = the base's id column
 * @param lookback   a state older than T − lookback counts as missing (null features); null = no limit
 */
public record JoinedGroup(String group, List<String> features, String baseColumn, Duration lookback) {
    public JoinedGroup {
        Objects.requireNonNull(group, "group");
        features = features == null ? List.of() : List.copyOf(features);
        baseColumn = baseColumn == null || baseColumn.isBlank() ? null : baseColumn.strip();
    }

    public static JoinedGroup of(String group) {
        return new JoinedGroup(group, List.of(), null, null);
    }

    public JoinedGroup withFeatures(List<String> chosen) {
        return new JoinedGroup(group, chosen, baseColumn, lookback);
    }

    public JoinedGroup on(String column) {
        return new JoinedGroup(group, features, column, lookback);
    }

    public JoinedGroup withLookback(Duration window) {
        return new JoinedGroup(group, features, baseColumn, window);
    }
}
