package org.featureworkbench.ui.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.dataset.BuiltDataset;
import org.featureworkbench.dataset.DatasetBase;
import org.featureworkbench.dataset.DatasetPart;
import org.featureworkbench.dataset.DatasetSpec;
import org.featureworkbench.dataset.JoinedGroup;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The Datasets page (issue 11): the form (base, joined groups, options, output), its preview and
 * SQL, the build with progress and Cancel, the built dataset's parts, and the list of datasets
 * built in this workspace. Every store call goes through the {@link TaskExecutor}; a field that
 * does not read gets its message beside it and the banner ({@link #errorProperty()}) says how
 * many, so nothing typed is lost.
 */
public final class DatasetsViewModel implements AutoCloseable {
    static final String NO_GROUPS = "No feature group has an offline store yet: load the sample data or ingest a file first.";

    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final DatasetGroups groups = new DatasetGroups();
    private final DatasetBaseViewModel base;
    private final ObservableList<JoinedGroupViewModel> joins = FXCollections.observableArrayList();
    private final DatasetOptionsViewModel options;
    private final DatasetPreviewViewModel preview;
    private final DatasetJobViewModel job;
    private final BuiltDatasetsViewModel built;
    private final StringProperty joinsError = new SimpleStringProperty(this, "joinsError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyObjectWrapper<BuiltDataset> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<DatasetPart> parts = FXCollections.observableArrayList();

    public DatasetsViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.base = new DatasetBaseViewModel(groups, dialogs);
        this.options = new DatasetOptionsViewModel(store.exportsDirectory(), dialogs);
        this.preview = new DatasetPreviewViewModel(store, executor, this::showError);
        this.job = new DatasetJobViewModel(executor);
        this.built = new BuiltDatasetsViewModel(store, executor, job, this::showError, this::showNotice);
        base.kindProperty().addListener((o, old, now) -> options.proposeOutput(base.shortName()));
        base.groupProperty().addListener((o, old, now) -> options.proposeOutput(base.shortName()));
        base.fileProperty().addListener((o, old, now) -> options.proposeOutput(base.shortName()));
        options.proposeOutput(base.shortName());
        joins.addListener((ListChangeListener<JoinedGroupViewModel>) c -> joinsError.set(""));
    }

    /** Loads the workspace's groups and built datasets (when the page is shown: both may have changed). */
    public void refresh() {
        executor.execute(() -> store.listFeatureGroups(GroupListQuery.ALL), list -> {
            groups.set(list);
            base.groupsChanged();
            if (groups.names().isEmpty()) {
                notice.set(NO_GROUPS);
            } else if (NO_GROUPS.equals(notice.get())) {
                notice.set("");
            }
        }, this::showError);
        built.refresh();
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

    /** Reads the base's first rows; a file's or query's columns then fill the id and time pickers. */
    public void previewBase() {
        FormCheck check = new FormCheck();
        DatasetBase source = base.readSource(check);
        if (!check.ok()) {
            error.set(check.summary());
            return;
        }
        error.set("");
        preview.previewBase(source, base::previewed);
    }

    /** Reads the dataset's first rows (and shows its SQL). */
    public void preview() {
        read().ifPresent(request -> preview.preview(request.spec()));
    }

    /** Plans the dataset to show its SQL. */
    public void showSql() {
        read().ifPresent(request -> preview.plan(request.spec()));
    }

    /** Builds the dataset into the output file (asking first when one is there), with progress and Cancel. */
    public void build() {
        Optional<DatasetRequest> request = read();
        if (request.isEmpty() || job.runningProperty().get()) {
            return;
        }
        Path out = request.get().output();
        // Off the UI thread: a manifest under its older name is read to see whether it describes `out`.
        // A split writes no file at `out` itself, but a manifest is always there (maybe under its older name).
        executor.execute(() -> Files.exists(out) || !store.datasets().manifestsOf(out).isEmpty(), builtBefore -> {
            if (!job.runningProperty().get() && (!builtBefore || dialogs.confirm("Replace the dataset?", "A dataset was"
                    + " built to " + out + " before. Building again replaces its files and manifest.", "Replace"))) {
                startBuild(request.get(), out);
            }
        }, this::showError);
    }

    private void startBuild(DatasetRequest request, Path out) {
        notice.set("");
        job.start("Building " + out.getFileName(), (progress, cancel) -> {
            Files.createDirectories(out.getParent());
            return store.datasets().build(request.spec(), out, progress, cancel);
        }, done -> {
            result.set(done);
            parts.setAll(done.parts());
            preview.showSql(done.sql());
            notice.set("Built " + count(done.rows()) + (done.rows() == 1 ? " row" : " rows") + " in "
                    + seconds(done.elapsed()) + " · manifest " + done.manifest().getFileName()
                    + done.notes().stream().map(n -> "\nNote: " + n).collect(java.util.stream.Collectors.joining()));
            built.refresh();
        }, this::showError, () -> showNotice("The build was cancelled; no files were written (a build writes all "
                + "its files or none)."));
    }

    /** Stops the running preview, build or rebuild. */
    public void cancel() {
        preview.cancel();
        job.cancel();
    }

    /** Opens the folder of the last build with the desktop's file manager. */
    public void openFolder() {
        BuiltDataset done = result.get();
        if (done != null && done.manifest().getParent() != null) {
            Path folder = done.manifest().getParent();
            // A desktop without a file manager opens nothing and says nothing: the path is always shown.
            notice.set("The dataset's folder: " + folder);
            dialogs.openExternally(folder);
        }
    }

    /**
     * Reads the whole form, marking every wrong field; empty (and the banner set) when one is wrong.
     */
    Optional<DatasetRequest> read() {
        FormCheck check = new FormCheck();
        joinsError.set("");
        DatasetBase b = base.read(check);
        List<JoinedGroup> joined = new ArrayList<>();
        if (joins.isEmpty()) {
            check.fail(joinsError, "add at least one joined group: its features are what the dataset is for");
        }
        for (JoinedGroupViewModel row : joins) {
            joined.add(row.read(check, base.columns()));
        }
        DatasetSpec spec = b == null ? null : options.apply(DatasetSpec.of(b, List.of()), check);
        Path out = options.output(check);
        if (!check.ok()) {
            error.set(check.summary());
            return Optional.empty();
        }
        error.set("");
        return Optional.of(new DatasetRequest(spec.withJoins(joined), out));
    }

    /**
     * Shows a failure in the banner; a builder's {@link ValidationException} is also put beside the
     * field it names, and the banner then reads like the form's own checks.
     */
    private void showError(Throwable e) {
        if (e instanceof ValidationException v && markField(v.field(), v.reason())) {
            error.set("Check the field marked in red: " + v.reason());
        } else {
            error.set(ErrorText.of(e instanceof ValidationException v ? new ValidationException("", v.reason()) : e));
        }
    }

    private boolean markField(String field, String reason) {
        if (field.equals("--join") || field.equals("--lookback")) {
            joinsError.set(reason);
            return true;
        }
        return base.mark(field, reason) || options.mark(field, reason);
    }

    private void showNotice(String text) {
        error.set("");
        notice.set(text);
    }

    private static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    private static String seconds(java.time.Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.US, "%.1f s", ms / 1000.0);
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

    /** The base and dataset previews and the SQL. */
    public DatasetPreviewViewModel previews() {
        return preview;
    }

    /** The running build or rebuild. */
    public DatasetJobViewModel job() {
        return job;
    }

    /** The datasets built in this workspace. */
    public BuiltDatasetsViewModel built() {
        return built;
    }

    /** The groups that can be a base or be joined. */
    public ObservableList<String> groupNames() {
        return groups.names();
    }

    /** The last build of this page; null before one. */
    public ReadOnlyObjectProperty<BuiltDataset> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The last build's files with their row counts. */
    public ObservableList<DatasetPart> parts() {
        return parts;
    }

    /** "Add at least one joined group", beside the joined groups. */
    public ReadOnlyStringProperty joinsErrorProperty() {
        return joinsError;
    }

    /** The page's error banner; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A finished build or rebuild, a cancel, or a hint; empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Stops what runs and drops the shown results (the page closed). */
    @Override
    public void close() {
        cancel();
        preview.close();
    }
}
