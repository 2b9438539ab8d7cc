package org.featureworkbench.ui.ingest;

import org.featureworkbench.model.FeatureType;

/**
 * How one source column meets an existing group, for the mapping table.
 *
 * @param column       the column's name in the file
 * @param inferredType what its sampled values look like
 * @param feature      the feature it fills (matched by name, ignoring case), or null when unmapped
 * @param featureType  that feature's type, or null
 * @param remark       a word on the match: "ignored: not in the group", a type warning, or empty
 */
public record MappedColumn(String column, FeatureType inferredType, String feature, FeatureType featureType,
                           String remark) {
}
