package org.featureworkbench.ui.records;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The Records tab of a group page: lookup ({@link LookupViewModel}), the put form
 * ({@link PutRecordViewModel}), deletes ({@link DeleteRecordViewModel}) and the live counts
 * ({@link RecordCountsViewModel}). After every write the counts refresh, and so does the lookup
 * when it shows the written id.
 */
public final class RecordsViewModel {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObjectProperty<FeatureGroup> group = new SimpleObjectProperty<>(this, "group");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final LookupViewModel lookup;
    private final PutRecordViewModel putForm;
    private final RecordCountsViewModel counts;

    public RecordsViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.lookup = new LookupViewModel(store, executor, dialogs, group);
        this.putForm = new PutRecordViewModel(store, executor, dialogs, group, this::written);
        this.counts = new RecordCountsViewModel(store, executor, dialogs, group, notice);
        group.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.name().equals(now.name())) {
                notice.set("");
            }
            lookup.groupChanged(old, now);
            putForm.groupChanged(old, now);
            counts.refresh();
        });
    }

    private void written(String id) {
        counts.refresh();
        lookup.refreshIfShowing(id);
    }

    /**
     * A delete dialog for the selected row's record, else the single id typed into the lookup,
     * else an empty id for the user to type.
     */
    public DeleteRecordViewModel newDeleteViewModel() {
        String id = lookup.selectedProperty().get() != null ? lookup.selectedProperty().get().id() : null;
        if (id == null) {
            var typed = LookupViewModel.parseIds(lookup.idsTextProperty().get());
            id = typed.size() == 1 ? typed.get(0) : "";
        }
        return new DeleteRecordViewModel(store, executor, dialogs, group.get(), id, (deleted, message) -> {
            notice.set(message);
            written(deleted);
        });
    }

    /** The group whose records are shown; the page binds it to the selected group. */
    public ObjectProperty<FeatureGroup> groupProperty() {
        return group;
    }

    /** The result of the last delete, flush or compaction, shown above the lookup. */
    public StringProperty noticeProperty() {
        return notice;
    }

    public LookupViewModel lookup() {
        return lookup;
    }

    public PutRecordViewModel putForm() {
        return putForm;
    }

    public RecordCountsViewModel counts() {
        return counts;
    }
}
