package org.featureworkbench.ui.records;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.RecordStats;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.group.Failures;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The live counts of the shown group (online records, offline files / rows / partitions, rows
 * waiting for the offline store, last flush) and the "Flush now" and "Compact…" commands.
 * {@link #refresh()} is cheap to call often: a refresh already running is not started twice.
 */
public final class RecordCountsViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableValue<FeatureGroup> group;
    private final StringProperty notice;
    private final ReadOnlyObjectWrapper<List<CountTile>> tiles = new ReadOnlyObjectWrapper<>(this, "tiles", List.of());
    private boolean refreshing;
    private boolean refreshAgain;

    RecordCountsViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs,
                          ObservableValue<FeatureGroup> group, StringProperty notice) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.group = group;
        this.notice = notice;
    }

    /**
     * Reads the counts again in the background. While a refresh runs, a second one is not
     * started; it runs once the first is done, so a write's effect is never missed.
     */
    public void refresh() {
        FeatureGroup g = group.getValue();
        if (g == null) {
            return;
        }
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        executor.execute(() -> store.records().stats(g.name()), stats -> {
            if (group.getValue() != null && group.getValue().name().equals(g.name())) {
                tiles.set(tilesOf(group.getValue().definition(), stats));
            }
            done();
        }, e -> {
            // A group deleted meanwhile, or the workspace closing: the next refresh tells more.
            tiles.set(List.of(new CountTile("Counts", "unavailable", e.getMessage())));
            done();
        });
    }

    private void done() {
        refreshing = false;
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }

    /** Writes what is waiting for the offline store to Parquet now, then refreshes. */
    public void flushNow() {
        FeatureGroup g = group.getValue();
        if (g == null) {
            return;
        }
        executor.execute(() -> store.records().flush(g.name()), flushed -> {
            notice.set(flushed.rows() == 0 ? "Nothing was waiting for the offline store."
                    : "Flushed " + flushed.rows() + (flushed.rows() == 1 ? " row" : " rows") + " into "
                    + flushed.files() + (flushed.files() == 1 ? " Parquet file." : " Parquet files."));
            refresh();
        }, Failures.dialog(dialogs, "flush " + g.name()));
    }

    /** Asks, then merges each hour partition's Parquet files into one. */
    public void compact() {
        FeatureGroup g = group.getValue();
        if (g == null || !dialogs.confirm("Compact " + g.name() + "?", "Compaction merges the Parquet files of each hour "
                + "partition of the offline store into one file. No row changes, and readers see either the old files "
                + "or the new one, never a mix.", "Compact")) {
            return;
        }
        executor.execute(() -> store.records().compact(g.name()), stats -> {
            notice.set("Compacted " + g.name() + ": " + stats.rows() + " rows now in " + stats.files()
                    + (stats.files() == 1 ? " file" : " files") + " across " + stats.partitions()
                    + (stats.partitions() == 1 ? " partition." : " partitions."));
            refresh();
        }, Failures.dialog(dialogs, "compact " + g.name()));
    }

    static List<CountTile> tilesOf(FeatureGroupDefinition d, RecordStats s) {
        boolean online = d.onlineStore().enabled();
        boolean offline = d.offlineStore().enabled();
        String noOffline = "no offline store";
        return List.of(
                new CountTile("Online records", online ? String.valueOf(s.onlineRecords()) : "no online store",
                        "Records readable now: the latest value per id, without deleted or expired ones."),
                new CountTile("Offline rows", offline ? String.valueOf(s.offline().rows()) : noOffline,
                        "Every version written to the Parquet history, delete markers included."),
                new CountTile("Offline files", offline ? String.valueOf(s.offline().files()) : noOffline,
                        "Parquet files in the offline store; Compact merges each partition's files into one."),
                new CountTile("Partitions", offline ? String.valueOf(s.offline().partitions()) : noOffline,
                        "Hour partitions (year/month/day/hour of the event time) holding files."),
                new CountTile("Waiting for offline", String.valueOf(s.pendingOffline()),
                        "Rows saved durably and queued for Parquet; written within about 5 seconds or on Flush now."),
                // The group's own newest write_time, whoever wrote it (a flush, an ingest, another process).
                new CountTile("Last offline write", offline
                        ? s.offline().lastWriteTime().map(RecordCountsViewModel::time).orElse("none yet") : noOffline,
                        "When rows of this group last reached its Parquet files, by a flush or an ingest."));
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** The counts as tiles, in display order. */
    public ReadOnlyObjectProperty<List<CountTile>> tilesProperty() {
        return tiles.getReadOnlyProperty();
    }

    /** The value of the tile labelled {@code label}, or null. */
    public String value(String label) {
        return tiles.get().stream().filter(t -> t.label().equals(label)).map(CountTile::value).findFirst().orElse(null);
    }
}
