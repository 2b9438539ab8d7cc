package org.featureworkbench.ui.records;

import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;

/**
 * One column of the lookup results: the record id, its event time, the other features in the
 * group's order, then the expiry. The event time comes second so a record's identity and
 * freshness stay in view when a wide group's features scroll sideways.
 *
 * @param title       the header text
 * @param kind        what the column shows
 * @param featureName the feature it shows, or null for the expiry column
 * @param typeHint    the feature type shown as the header's tooltip, or empty
 */
public record ResultColumn(String title, Kind kind, String featureName, String typeHint) {

    /** What a column shows. */
    public enum Kind { RECORD_ID, FEATURE, EVENT_TIME, EXPIRES_AT }

    /** The columns for {@code group}'s records. */
    static List<ResultColumn> of(FeatureGroup group) {
        FeatureGroupDefinition d = group.definition();
        List<ResultColumn> columns = new ArrayList<>();
        FeatureDefinition id = d.recordIdentifierFeature();
        columns.add(new ResultColumn(id.name(), Kind.RECORD_ID, id.name(), "Record identifier (" + id.type().awsName() + ")"));
        FeatureDefinition eventTime = d.eventTimeFeature();
        columns.add(new ResultColumn(eventTime.name(), Kind.EVENT_TIME, eventTime.name(),
                "Event time (" + eventTime.type().awsName() + ")"));
        for (FeatureDefinition f : d.features()) {
            if (!f.name().equals(d.recordIdentifierFeatureName()) && !f.name().equals(d.eventTimeFeatureName())) {
                columns.add(new ResultColumn(f.name(), Kind.FEATURE, f.name(), f.type().awsName()));
            }
        }
        columns.add(new ResultColumn("Expires at", Kind.EXPIRES_AT, null,
                "When the record stops being readable (event time + TTL); never without a TTL"));
        return columns;
    }
}
