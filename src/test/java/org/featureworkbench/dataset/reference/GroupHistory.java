package org.featureworkbench.dataset.reference;

import java.util.List;

/**
 * Everything the reference knows of one feature group: its shape and every stored offline row.
 *
 * @param name             the group's name
 * @param idFeature        its record identifier feature
 * @param eventTimeFeature its event time feature
 * @param features         every feature name, in catalog order
 * @param rows             every stored row, in no particular order
 */
public record GroupHistory(String name, String idFeature, String eventTimeFeature, List<String> features,
                           List<HistoryRow> rows) {
    public GroupHistory {
        features = List.copyOf(features);
        rows = List.copyOf(rows);
    }
}
