package org.featureworkbench.writepath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.FeatureValueParser;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.offline.OfflineRow;

/**
 * Turns outbox entries back into typed offline rows. The values were validated by PutRecord
 * before they were queued, and a group's schema only grows, so each value just needs parsing as
 * its type — done here with one name → feature map per batch instead of a full
 * {@link RecordValidator#validate} per row (which searches the feature list per value, checks
 * sizes and copies the record three times; that was a sixth of a flush's time).
 */
final class OutboxRows {
    private OutboxRows() {
    }

    static List<OfflineRow> toOfflineRows(FeatureGroup group, List<OutboxEntry> entries) {
        FeatureGroupDefinition def = group.definition();
        Map<String, FeatureDefinition> features = new HashMap<>();
        def.features().forEach(f -> features.put(f.name(), f));
        String idName = def.recordIdentifierFeatureName();
        String eventTimeName = def.eventTimeFeatureName();
        boolean fractionalEventTime = def.eventTimeFeature().type() == FeatureType.FRACTIONAL;
        List<OfflineRow> rows = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            if (e.deleteMarker()) {
                Object id = RecordValidator.parseRecordIdentifier(def, e.values().get(idName));
                rows.add(OfflineRow.deleteMarker(def, id, e.eventTime(), e.apiInvocationTime()));
                continue;
            }
            Map<String, Object> typed = new HashMap<>();
            for (Map.Entry<String, String> v : e.values().entrySet()) {
                if (v.getValue() == null) {
                    continue;
                }
                FeatureDefinition f = features.get(v.getKey());
                if (f == null) {
                    // Cannot happen for a row PutRecord accepted; let the validator word the error.
                    return fullyValidated(group, entries);
                }
                typed.put(f.name(), !f.name().equals(eventTimeName) ? FeatureValueParser.parse(f.name(), f.type(), v.getValue())
                        : fractionalEventTime ? (Object) (e.eventTime().toEpochMilli() / 1000.0) : v.getValue().trim());
            }
            rows.add(new OfflineRow(typed, e.eventTime(), e.apiInvocationTime(), null, false));
        }
        return rows;
    }

    /** The slow path, with {@link RecordValidator}'s messages, for a row that does not fit the group. */
    private static List<OfflineRow> fullyValidated(FeatureGroup group, List<OutboxEntry> entries) {
        List<OfflineRow> rows = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            if (e.deleteMarker()) {
                Object id = RecordValidator.parseRecordIdentifier(group.definition(),
                        e.values().get(group.definition().recordIdentifierFeatureName()));
                rows.add(OfflineRow.deleteMarker(group.definition(), id, e.eventTime(), e.apiInvocationTime()));
            } else {
                var typed = RecordValidator.validate(group, new org.featureworkbench.model.Record(e.values()));
                rows.add(new OfflineRow(typed.values(), typed.eventTime(), e.apiInvocationTime(), null, false));
            }
        }
        return rows;
    }
}
