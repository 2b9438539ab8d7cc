package org.featureworkbench.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.BatchGetResult;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OnlineRecord;

/** Human-readable renderings of records for the terminal (the --json forms are in RecordJson). */
final class RecordText {
    private RecordText() {
    }

    /** Two columns, FEATURE and VALUE; with expiry, then the event time and expiry lines. */
    static String record(OnlineRecord record, boolean withExpiry, String indent) {
        TextTable table = new TextTable("FEATURE", "VALUE");
        record.toRecord().values().forEach(table::row);
        String text = table.render(indent);
        if (withExpiry) {
            text += new TextTable("Event time", iso(record.eventTime()))
                    .row("Expires at", record.expiresAt() == null ? "never (no TTL)" : iso(record.expiresAt()))
                    .render(indent);
        }
        return text;
    }

    /** GetRecord's empty result, which is not an error. */
    static String missing(String group, String id) {
        return "No record '" + id + "' in " + group + " (never written, deleted, or expired).\n";
    }

    /** Each record found, then the ids found nowhere, the per-id errors and the unprocessed ids. */
    static String batch(List<BatchGetIdentifier> requested, BatchGetResult result, boolean withExpiry) {
        StringBuilder text = new StringBuilder();
        Set<String> answered = new LinkedHashSet<>();
        for (OnlineRecord r : result.records()) {
            text.append(r.featureGroupName()).append(':').append(r.recordIdentifierValueAsString()).append('\n')
                    .append(record(r, withExpiry, "  "));
            answered.add(key(r.featureGroupName(), r.recordIdentifierValueAsString()));
        }
        for (BatchGetResult.Error e : result.errors()) {
            answered.add(key(e.featureGroupName(), e.recordIdentifierValueAsString()));
        }
        for (BatchGetIdentifier i : result.unprocessedIdentifiers()) {
            i.recordIdentifiersValueAsString().forEach(id -> answered.add(key(i.featureGroupName(), id)));
        }
        List<String> missing = new ArrayList<>();
        for (BatchGetIdentifier i : requested) {
            for (String id : i.recordIdentifiersValueAsString()) {
                if (answered.add(key(i.featureGroupName(), id))) {
                    missing.add(i.featureGroupName() + ":" + id);
                }
            }
        }
        if (!missing.isEmpty()) {
            text.append("Not found (never written, deleted, or expired): ").append(String.join(", ", missing))
                    .append('\n');
        }
        for (BatchGetResult.Error e : result.errors()) {
            text.append("Error for ").append(e.featureGroupName()).append(':').append(e.recordIdentifierValueAsString())
                    .append(": ").append(e.errorCode()).append(": ").append(e.errorMessage()).append('\n');
        }
        for (BatchGetIdentifier i : result.unprocessedIdentifiers()) {
            text.append("Unprocessed (the store was busy; retry): ").append(i.featureGroupName()).append(':')
                    .append(String.join(",", i.recordIdentifiersValueAsString())).append('\n');
        }
        return text.toString();
    }

    static String iso(Instant instant) {
        return EventTimes.format(instant, FeatureType.STRING);
    }

    private static String key(String group, String id) {
        return group + "\u0000" + id;
    }
}
