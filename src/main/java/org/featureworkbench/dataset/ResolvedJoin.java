package org.featureworkbench.dataset;

import java.time.Duration;
import java.util.List;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.query.GroupTables;

/**
 * One joined group, checked against the catalog and the base.
 *
 * @param tables      the group's relations in the engine
 * @param features    the features it contributes, in output order
 * @param outputNames their names in the output ({@code group.feature} where a name collides)
 * @param baseColumn  the base column matched to the group's record identifier
 * @param lookback    null = no limit
 * @param repeats     whether some (record id, event time) has more than one row as of W, so the
 *                    state rows need the tie-break; false lets the join read the rows as they are
 */
record ResolvedJoin(GroupTables tables, List<FeatureDefinition> features, List<String> outputNames,
                    String baseColumn, Duration lookback, boolean repeats) {

    ResolvedJoin withRepeats(boolean value) {
        return new ResolvedJoin(tables, features, outputNames, baseColumn, lookback, value);
    }
}
