package org.featureworkbench.ui.group;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.CreateFeatureGroupJson;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.ui.create.AddFeaturesViewModel;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.records.RecordsViewModel;
import org.featureworkbench.ui.stats.StatisticsViewModel;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The group page: summary facts, feature table, tags, and the page's commands (export, delete,
 * add features). Feature metadata editing lives in {@link FeatureMetadataViewModel}.
 */
public final class GroupDetailViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final GroupEvents events;

    private final ObjectProperty<FeatureGroup> group = new SimpleObjectProperty<>(this, "group");
    private final ReadOnlyObjectWrapper<List<SummaryItem>> summary = new ReadOnlyObjectWrapper<>(this, "summary", List.of());
    private final ObservableList<FeatureDefinition> features = FXCollections.observableArrayList();
    private final ObservableList<KeyValue> tags = FXCollections.observableArrayList();
    private final StringProperty newTagKey = new SimpleStringProperty(this, "newTagKey", "");
    private final StringProperty newTagValue = new SimpleStringProperty(this, "newTagValue", "");
    private final StringProperty tagError = new SimpleStringProperty(this, "tagError", "");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final FeatureMetadataViewModel metadata;
    private final RecordsViewModel records;
    private final StatisticsViewModel statistics;

    public GroupDetailViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs, GroupEvents events) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.events = events;
        this.metadata = new FeatureMetadataViewModel(store, executor, dialogs, events, group);
        this.records = new RecordsViewModel(store, executor, dialogs);
        records.groupProperty().bind(group);
        this.statistics = new StatisticsViewModel(store, executor);
        statistics.groupProperty().bind(group);
        group.addListener((obs, old, now) -> show(now, old));
    }

    private void show(FeatureGroup now, FeatureGroup old) {
        if (now == null) {
            summary.set(List.of());
            features.clear();
            tags.clear();
            return;
        }
        if (old == null || !old.name().equals(now.name())) {
            notice.set("");
            tagError.set("");
        }
        summary.set(summarize(now));
        features.setAll(now.features());
        tags.setAll(now.definition().tags().entrySet().stream().map(e -> new KeyValue(e.getKey(), e.getValue())).toList());
    }

    static List<SummaryItem> summarize(FeatureGroup g) {
        FeatureGroupDefinition d = g.definition();
        FeatureDefinition eventTime = d.eventTimeFeature();
        boolean online = d.onlineStore().enabled();
        boolean offline = d.offlineStore().enabled();
        String stores = online && offline ? "Online and offline" : online ? "Online only" : "Offline only";
        String ttl = !online ? "— (no online store)"
                : d.onlineStore().ttlOptional().map(Object::toString).orElse("None — records never expire");
        return List.of(
                new SummaryItem("Record identifier", d.recordIdentifierFeatureName() + " (" + d.recordIdentifierFeature().type() + ")"),
                new SummaryItem("Event time", eventTime.name() + " (" + (eventTime.type() == FeatureType.FRACTIONAL
                        ? "Fractional, seconds since epoch" : "String, ISO-8601 UTC") + ")"),
                new SummaryItem("Stores", stores),
                new SummaryItem("Online TTL", ttl),
                new SummaryItem("Created", format(g.creationTime())),
                new SummaryItem("Last modified", format(g.lastModifiedTime())),
                new SummaryItem("Status", g.status().awsName()),
                new SummaryItem("Features", String.valueOf(g.features().size())),
                new SummaryItem("ARN", g.arn()));
    }

    private static String format(Instant instant) {
        return TIME.format(instant);
    }

    /** Adds (or overwrites) the tag typed into the new-tag fields. */
    public void addTag() {
        String key = newTagKey.get() == null ? "" : newTagKey.get().trim();
        String value = newTagValue.get() == null ? "" : newTagValue.get().trim();
        if (key.isEmpty()) {
            tagError.set("Type a tag key first, e.g. team or domain.");
            return;
        }
        String name = group.get().name();
        executor.execute(() -> store.updateTags(name, Map.of(key, value), Set.of()), updated -> {
            tagError.set("");
            newTagKey.set("");
            newTagValue.set("");
            events.groupUpdated(updated);
        }, Failures.inline(tagError, dialogs, "add the tag"));
    }

    /** Removes one tag. */
    public void removeTag(String key) {
        String name = group.get().name();
        executor.execute(() -> store.updateTags(name, Map.of(), Set.of(key)), updated -> {
            tagError.set("");
            events.groupUpdated(updated);
        }, Failures.inline(tagError, dialogs, "remove the tag"));
    }

    /** Asks where to save and writes the group as a CreateFeatureGroup JSON file. */
    public void exportJson() {
        FeatureGroup current = group.get();
        dialogs.chooseFileToSave("Export " + current.name() + " as JSON", store.exportsDirectory(),
                current.name() + ".json", "CreateFeatureGroup JSON", "*.json")
                .ifPresent(path -> exportTo(current, path));
    }

    /** Writes the CreateFeatureGroup JSON of the shown group to {@code path}. */
    public void exportTo(FeatureGroup current, Path path) {
        executor.execute(() -> {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, CreateFeatureGroupJson.write(current));
            return path;
        }, written -> notice.set("Exported " + current.name() + " to " + written),
                Failures.dialog(dialogs, "export the group"));
    }

    /** Asks for confirmation (with "also delete offline files") and deletes the group. */
    public void delete() {
        FeatureGroup current = group.get();
        dialogs.confirmWithOption("Delete " + current.name() + "?",
                "This removes the feature group '" + current.name() + "' and its online records. "
                        + "The offline Parquet files are kept unless you tick the box below.",
                "Delete", "Also delete the offline files (cannot be undone)")
                .ifPresent(purge -> executor.execute(() -> store.deleteFeatureGroup(current.name(), purge),
                        events::groupDeleted, Failures.dialog(dialogs, "delete " + current.name())));
    }

    /** A fresh view model for the "Add features…" dialog of the shown group. */
    public AddFeaturesViewModel newAddFeaturesViewModel() {
        return new AddFeaturesViewModel(store, executor, group.get(), events);
    }

    public ObjectProperty<FeatureGroup> groupProperty() {
        return group;
    }

    public ReadOnlyObjectProperty<List<SummaryItem>> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<FeatureDefinition> features() {
        return features;
    }

    public ObservableList<KeyValue> tags() {
        return tags;
    }

    public StringProperty newTagKeyProperty() {
        return newTagKey;
    }

    public StringProperty newTagValueProperty() {
        return newTagValue;
    }

    public StringProperty tagErrorProperty() {
        return tagError;
    }

    /** A short confirmation of the last export, shown on the page. */
    public StringProperty noticeProperty() {
        return notice;
    }

    public FeatureMetadataViewModel metadata() {
        return metadata;
    }

    /** The Records tab of the shown group. */
    public RecordsViewModel records() {
        return records;
    }

    /** The Statistics tab's view model (loads nothing until the tab is first opened). */
    public StatisticsViewModel statistics() {
        return statistics;
    }
}
