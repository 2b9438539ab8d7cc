package org.featureworkbench.ui.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.dataset.DatasetBase;
import org.featureworkbench.dataset.DatasetSpec;
import org.featureworkbench.dataset.JoinedGroup;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The Datasets page (issue 11): the form (base, joined groups, options, output) and what it
 * reads as. Every store call goes through the {@link TaskExecutor}; a field that does not read
 * gets its message beside it and the banner ({@link #errorProperty()}) says how many, so nothing
 * typed is lost.
 */
public final class DatasetsViewModel {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final DatasetGroups groups = new DatasetGroups();
    private final DatasetBaseViewModel base;
    private final ObservableList<JoinedGroupViewModel> joins = FXCollections.observableArrayList();
    private final DatasetOptionsViewModel options;
    private final StringProperty joinsError = new SimpleStringProperty(this, "joinsError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    public DatasetsViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.base = new DatasetBaseViewModel(groups, dialogs);
        this.options = new DatasetOptionsViewModel(store.exportsDirectory(), dialogs);
        base.kindProperty().addListener((o, old, now) -> options.proposeOutput(base.shortName()));
        base.groupProperty().addListener((o, old, now) -> options.proposeOutput(base.shortName()));
        base.fileProperty().addListener((o, old, now) -> options.proposeOutput(base.shortName()));
        options.proposeOutput(base.shortName());
        joins.addListener((ListChangeListener<JoinedGroupViewModel>) c -> joinsError.set(""));
    }

    /** Loads the workspace's groups (when the page is shown: groups may have been created since). */
    public void refresh() {
        executor.execute(() -> store.listFeatureGroups(GroupListQuery.ALL), list -> {
            groups.set(list);
            if (groups.names().isEmpty()) {
                notice.set("No feature group has an offline store yet: load the sample data or ingest a file first.");
            }
        }, this::showError);
    }

    /** Adds an empty joined group at the end. */
    public JoinedGroupViewModel addJoin() {
        JoinedGroupViewModel row = new JoinedGroupViewModel(groups, this::defaultBaseColumn);
        joins.add(row);
        return row;
    }

    public void removeJoin(JoinedGroupViewModel row) {
        joins.remove(row);
    }

    /**
     * The base column a newly chosen group joins on: a base column named like the group's record
     * identifier when there is one (transactions.customer_id → customers), else the base id column.
     */
    private String defaultBaseColumn(FeatureGroup g) {
        String key = g.definition().recordIdentifierFeatureName();
        boolean named = base.columns().contains(key) && !key.equals(base.idColumnName());
        return named ? key : null;
    }

    /**
     * Reads the whole form, marking every wrong field; empty (and the banner set) when one is wrong.
     */
    Optional<DatasetRequest> read() {
        FormCheck check = new FormCheck();
        DatasetBase b = base.read(check);
        List<JoinedGroup> joined = new ArrayList<>();
        if (joins.isEmpty()) {
            check.fail(joinsError, "add at least one joined group: its features are what the dataset is for");
        }
        for (JoinedGroupViewModel row : joins) {
            joined.add(row.read(check, base.columns()));
        }
        DatasetSpec spec = b == null ? null : options.apply(DatasetSpec.of(b, List.of()), check);
        java.nio.file.Path out = options.output(check);
        if (!check.ok()) {
            error.set(check.summary());
            return Optional.empty();
        }
        error.set("");
        return Optional.of(new DatasetRequest(spec.withJoins(joined), out));
    }

    private void showError(Throwable e) {
        String text = e instanceof FeatureStoreException ? e.getMessage()
                : "Unexpected error: " + e + " (the details are in the log)";
        error.set(text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }

    public DatasetBaseViewModel base() {
        return base;
    }

    /** The joined groups, in join order (the output's column order). */
    public ObservableList<JoinedGroupViewModel> joins() {
        return joins;
    }

    public DatasetOptionsViewModel options() {
        return options;
    }

    /** The groups that can be a base or be joined. */
    public ObservableList<String> groupNames() {
        return groups.names();
    }

    /** "Add at least one joined group", beside the joined groups. */
    public ReadOnlyStringProperty joinsErrorProperty() {
        return joinsError;
    }

    /** The page's error banner; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A finished build, a cancel, or a hint; empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
