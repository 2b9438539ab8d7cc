package org.featureworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;

/** Human-readable renderings of feature groups for the terminal (the --json forms are elsewhere). */
final class GroupText {
    private GroupText() {
    }

    /** One row per group: name, record id, event time, stores, created. */
    static String table(List<FeatureGroup> groups) {
        TextTable table = new TextTable("NAME", "RECORD ID", "EVENT TIME", "STORES", "CREATED");
        for (FeatureGroup g : groups) {
            FeatureGroupDefinition d = g.definition();
            table.row(g.name(), d.recordIdentifierFeatureName(), d.eventTimeFeatureName(), stores(d),
                    EventTimes.formatIsoSeconds(g.creationTime()));
        }
        return table.render("");
    }

    /** {@code online (TTL 7 Days) + offline}, {@code online}, {@code offline}. */
    static String stores(FeatureGroupDefinition d) {
        String online = d.onlineStore().enabled()
                ? "online" + d.onlineStore().ttlOptional().map(ttl -> " (TTL " + ttl + ")").orElse("") : "";
        String offline = d.offlineStore().enabled() ? "offline" : "";
        return online.isEmpty() || offline.isEmpty() ? online + offline : online + " + " + offline;
    }

    /** Everything about one group: summary lines, tags, then the feature table. */
    static String describe(FeatureGroup g, Path offlineStoreDirectory) {
        FeatureGroupDefinition d = g.definition();
        TextTable summary = new TextTable("Feature group", g.name())
                .row("ARN", g.arn())
                .row("Status", g.status().awsName());
        if (!d.description().isEmpty()) {
            summary.row("Description", d.description());
        }
        summary.row("Record id", d.recordIdentifierFeatureName() + " (" + d.recordIdentifierFeature().type() + ")")
                .row("Event time", d.eventTimeFeatureName() + " (" + d.eventTimeFeature().type() + ")")
                .row("Online store", d.onlineStore().enabled()
                        ? "enabled" + d.onlineStore().ttlOptional().map(ttl -> ", TTL " + ttl).orElse(", no TTL")
                        : "disabled")
                .row("Offline store", d.offlineStore().enabled()
                        ? "enabled, " + offlineStoreDirectory.resolve(g.offlineFolderName()) : "disabled")
                .row("Created", EventTimes.formatIsoSeconds(g.creationTime()))
                .row("Last modified", EventTimes.formatIsoSeconds(g.lastModifiedTime()))
                .row("Tags", d.tags().isEmpty() ? "(none)" : keyValues(d.tags()));
        TextTable features = new TextTable("NAME", "TYPE", "DESCRIPTION", "PARAMETERS");
        for (FeatureDefinition f : d.features()) {
            features.row(f.name(), f.type().awsName(), f.description(), keyValues(f.parameters()));
        }
        return summary.render("") + "\nFeatures (" + d.features().size() + ")\n" + features.render("  ");
    }

    /** One feature's metadata. */
    static String metadata(FeatureGroup g, FeatureDefinition f) {
        TextTable lines = new TextTable("Feature", f.name() + " (" + f.type().awsName() + ")")
                .row("Group", g.name())
                .row("Description", f.description().isEmpty() ? "(none)" : f.description())
                .row("Parameters", f.parameters().isEmpty() ? "(none)" : keyValues(f.parameters()));
        return lines.render("");
    }

    static String keyValues(Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
