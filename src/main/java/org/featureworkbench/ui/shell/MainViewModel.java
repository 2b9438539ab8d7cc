package org.featureworkbench.ui.shell;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.health.Finding;
import org.featureworkbench.health.HealthReport;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.model.CatalogStamp;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.connect.ConnectViewModel;
import org.featureworkbench.ui.group.GroupEvents;
import org.featureworkbench.ui.ingest.IngestWizardViewModel;
import org.featureworkbench.ui.ingest.JobsViewModel;
import org.featureworkbench.ui.health.HealthViewModel;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * State of the workbench shell: the loaded feature groups, the live search over them, the
 * selected group, the Jobs, Explore and Datasets pages, and the status line. Groups changed elsewhere (detail page, dialogs) come back
 * through {@link GroupEvents} so the sidebar and the page always show the same version; groups changed
 * outside this window (the command line, another window, a client of the API) come back through
 * {@link #checkForOutsideChanges()}, which the view calls every few seconds.
 */
public final class MainViewModel implements GroupEvents {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ObservableList<FeatureGroup> groups = FXCollections.observableArrayList();
    private final FilteredList<FeatureGroup> visibleGroups = new FilteredList<>(groups);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<FeatureGroup> selectedGroup = new SimpleObjectProperty<>(this, "selectedGroup");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final BooleanBinding empty;
    private final BooleanBinding busy;
    private final StringBinding groupCountText;
    private final SampleDataLoader sampleData;
    private final JobsViewModel jobs;
    private final BooleanProperty showingJobs = new SimpleBooleanProperty(this, "showingJobs", false);
    private final BooleanProperty showingExplore = new SimpleBooleanProperty(this, "showingExplore", false);
    private final BooleanProperty showingDatasets = new SimpleBooleanProperty(this, "showingDatasets", false);
    private final BooleanProperty showingHealth = new SimpleBooleanProperty(this, "showingHealth", false);
    private final StringProperty waitNotice = new SimpleStringProperty(this, "waitNotice", "");
    private final HealthViewModel health;
    private final BooleanProperty showingConnect = new SimpleBooleanProperty(this, "showingConnect", false);
    private final ConnectViewModel connect;
    // The catalog as this window last read it (JavaFX thread only); null until the first load.
    private CatalogStamp knownStamp;
    private boolean checkingForChanges;
    // Counts the group changes this window made or read itself (JavaFX thread only).
    private long localChanges;
    // A change seen while this window's own tasks ran, told once they are done (JavaFX thread only).
    private String heldNotice;
    private long localChangesAtHold;
    private final ReadOnlyIntegerWrapper outsideChanges = new ReadOnlyIntegerWrapper(this, "outsideChanges", 0);

    public MainViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.sampleData = new SampleDataLoader(store);
        this.jobs = new JobsViewModel(store, executor, dialogs);
        this.health = new HealthViewModel(store, executor, dialogs, this::refresh);
        this.connect = new ConnectViewModel(store, executor);
        visibleGroups.predicateProperty().bind(Bindings.createObjectBinding(
                () -> new GroupFilter(searchText.get()), searchText));
        empty = loaded.getReadOnlyProperty().and(Bindings.isEmpty(groups));
        busy = executor.runningTasksProperty().greaterThan(0);
        groupCountText = Bindings.createStringBinding(this::describeCount, groups, visibleGroups, searchText);
        // A wait for another process (the database changing hands, a compaction elsewhere) is told
        // on whichever thread waits; the executor brings it to the status bar.
        store.onWaitNotice(message -> executor.executeQuietly(() -> message, waitNotice::set, e -> { }));
    }

    /**
     * The latest notice about what other processes do: a wait for one of them, or a group they
     * changed or deleted. Empty until there is one.
     */
    public StringProperty waitNoticeProperty() {
        return waitNotice;
    }

    private String describeCount() {
        String total = groups.size() == 1 ? "1 feature group" : groups.size() + " feature groups";
        boolean filtering = searchText.get() != null && !searchText.get().isBlank();
        return filtering ? visibleGroups.size() + " of " + total + " match" : total;
    }

    /** Reloads the group list from the store, keeping the selection when the group still exists. */
    public void refresh() {
        String selectedName = Optional.ofNullable(selectedGroup.get()).map(FeatureGroup::name).orElse(null);
        executor.execute(this::readCatalog, catalog -> {
            localChanges++;
            knownStamp = catalog.stamp();
            groups.setAll(catalog.groups());
            loaded.set(true);
            selectedGroup.set(selectedName == null ? null : find(selectedName).orElse(null));
        }, e -> dialogs.showError("Could not load feature groups",
                "The feature groups of this workspace could not be read: " + e.getMessage(), e));
    }

    /**
     * Reloads the groups when the catalog changed outside this window since it last read it, so
     * a group created, changed or deleted by the command line, another window or a client of the
     * API shows without Refresh. One small query when nothing changed; no busy indicator.
     *
     * <p>A change of this window's own arrives through {@link GroupEvents} when its task is done;
     * a check whose reading is older than the last such change is dropped (it would bring back a
     * group just deleted here), and while any task of this window runs the list follows but
     * nothing is told on the status bar (the change may be its own, not yet reported).
     */
    public void checkForOutsideChanges() {
        if (checkingForChanges || knownStamp == null) {
            return;
        }
        tellHeldNotice();
        checkingForChanges = true;
        CatalogStamp known = knownStamp;
        long localAtStart = localChanges;
        boolean quietAtStart = executor.runningTasksProperty().get() == 0;
        try {
            // On a job thread: a check waiting for the database to change hands must not hold up the
            // quiet lane (wait notices, Explore's paging) or the short tasks.
            executor.executeJob(() -> {
                CatalogStamp now = store.catalogStamp();
                return now.equals(known) ? null : readCatalog();
            }, catalog -> {
                checkingForChanges = false;
                if (catalog != null && localChanges == localAtStart) {
                    applyOutsideChanges(catalog, quietAtStart && executor.runningTasksProperty().get() == 0);
                }
            }, e -> checkingForChanges = false);
        } catch (RejectedExecutionException e) {
            // The window is closing (its executor already stopped, e.g. for a repair): nothing to follow any more.
            checkingForChanges = false;
        }
    }

    private void tellHeldNotice() {
        if (heldNotice != null && executor.runningTasksProperty().get() == 0) {
            if (localChanges == localChangesAtHold) {
                waitNotice.set(heldNotice);
            }
            heldNotice = null;
        }
    }

    /** True while a {@link #checkForOutsideChanges()} is reading or waiting to be applied (JavaFX thread only). */
    public boolean checkingForOutsideChanges() {
        return checkingForChanges;
    }

    private Catalog readCatalog() {
        // The stamp first: a change between the two reads makes the next check read the list again.
        CatalogStamp stamp = store.catalogStamp();
        return new Catalog(stamp, store.listFeatureGroups(GroupListQuery.ALL));
    }

    private void applyOutsideChanges(Catalog catalog, boolean tell) {
        knownStamp = catalog.stamp();
        CatalogDiff diff = CatalogDiff.between(groups, catalog.groups());
        if (diff.isEmpty()) {
            return;
        }
        String selectedName = Optional.ofNullable(selectedGroup.get()).map(FeatureGroup::name).orElse(null);
        groups.removeIf(g -> diff.deleted().contains(g.name()));
        diff.createdOrChanged().forEach(this::upsert);
        if (selectedName != null) {
            // A deleted group's page empties (its notice says why) rather than jumping to another group.
            selectedGroup.set(find(selectedName).orElse(null));
        }
        if (tell) {
            diff.notice().ifPresent(waitNotice::set);
        } else {
            // Told at a later check once this window's tasks are done, unless one of them changed a group itself.
            diff.notice().ifPresent(n -> {
                heldNotice = n;
                localChangesAtHold = localChanges;
            });
        }
        outsideChanges.set(outsideChanges.get() + 1);
    }

    /**
     * Counts the times groups changed outside this window were applied; the pages that list
     * groups (Explore, Datasets, Connect) read them again while shown.
     */
    public ReadOnlyIntegerProperty outsideChangesProperty() {
        return outsideChanges.getReadOnlyProperty();
    }

    /** Creates the bundled sample groups that do not exist yet, ingests their rows, then reports what happened. */
    public void loadSampleData() {
        executor.execute(sampleData::load, report -> {
            refreshWith(report.created());
            jobs.refresh();
            dialogs.showInfo("Sample data", report.summary());
        }, e -> dialogs.showError("Could not load the sample data", e.getMessage(), e));
    }

    /** A fresh ingest wizard into {@code target}, or for a new group from a file when it is null. */
    public IngestWizardViewModel newIngestWizard(FeatureGroup target) {
        return new IngestWizardViewModel(store, executor, dialogs, this, jobs::refresh, target);
    }

    /** Shows the Jobs page instead of the group page. */
    public void showJobs() {
        showingConnect.set(false);
        showingHealth.set(false);
        showingExplore.set(false);
        showingDatasets.set(false);
        showingJobs.set(true);
        jobs.refresh();
    }

    /** Shows the selected group's page (or the welcome page) again. */
    public void showGroups() {
        showingConnect.set(false);
        showingHealth.set(false);
        showingJobs.set(false);
        showingExplore.set(false);
        showingDatasets.set(false);
    }

    /** Shows the Explore page (SQL over the offline store). */
    public void showExplore() {
        showingConnect.set(false);
        showingHealth.set(false);
        showingJobs.set(false);
        showingDatasets.set(false);
        showingExplore.set(true);
    }

    /** Shows the "Check workspace" page (check and repair, issue 12). */
    public void showHealth() {
        showingConnect.set(false);
        showingJobs.set(false);
        showingExplore.set(false);
        showingDatasets.set(false);
        showingHealth.set(true);
    }

    /**
     * The checks made when the workspace opened: first the quick one (names of groups, tables and
     * definition files); when that finds nothing, every online table is read in the background,
     * since a damaged page shows only when something reads it. When either finds damage, the Check
     * page opens with the findings and a dialog says so (a damaged workspace must never look fine).
     */
    public void checkAtOpening() {
        executor.execute(() -> store.health().atOpening(), report -> {
            if (report.damaged()) {
                showDamageFoundAtOpening(report);
            } else {
                readTablesInBackground();
            }
        }, e -> dialogs.showError("Could not check the workspace", e.getMessage(), e));
    }

    private void readTablesInBackground() {
        // A job thread: reading a large online store takes seconds and must not hold up lookups.
        executor.executeJob(() -> store.health().readTables(), report -> {
            if (report.damaged()) {
                showDamageFoundAtOpening(report);
            }
        }, e -> {
            // Best effort: the window may have closed the store meanwhile; the Check page reads everything anyway.
        });
    }

    private void showDamageFoundAtOpening(HealthReport report) {
        health.show(report);
        showHealth();
        String problem = report.findings().stream().filter(Finding::isDamage)
                .findFirst().orElse(report.findings().get(0)).problem();
        dialogs.showError("The workspace is damaged", Character.toUpperCase(problem.charAt(0))
                + problem.substring(1) + ". The Check workspace page lists what is affected; Repair rebuilds what the "
                + "offline store holds.", null);
    }

    /** The Check workspace page's view model. */
    public HealthViewModel health() {
        return health;
    }

    /** Shows the Connect page (the local API server and snippets for clients, issue 13). */
    public void showConnect() {
        showingHealth.set(false);
        showingJobs.set(false);
        showingExplore.set(false);
        showingDatasets.set(false);
        showingConnect.set(true);
        connect.refresh();
    }

    /** True while the Connect page is shown. */
    public BooleanProperty showingConnectProperty() {
        return showingConnect;
    }

    /** The local API server's view model, shared by the Connect page and the status bar. */
    public ConnectViewModel connect() {
        return connect;
    }

    public BooleanProperty showingHealthProperty() {
        return showingHealth;
    }

    /** Shows the Datasets page (point-in-time training sets). */
    public void showDatasets() {
        showingConnect.set(false);
        showingHealth.set(false);
        showingJobs.set(false);
        showingExplore.set(false);
        showingDatasets.set(true);
    }

    private void refreshWith(List<FeatureGroup> created) {
        localChanges++;
        created.forEach(this::upsert);
        if (!created.isEmpty()) {
            selectedGroup.set(created.get(0));
        }
        loaded.set(true);
    }

    @Override
    public void groupCreated(FeatureGroup group) {
        localChanges++;
        upsert(group);
        // A new group hidden by the current search would look lost, so clear the search.
        if (!visibleGroups.contains(group)) {
            searchText.set("");
        }
        selectedGroup.set(group);
    }

    @Override
    public void groupUpdated(FeatureGroup group) {
        localChanges++;
        upsert(group);
        selectedGroup.set(group);
    }

    @Override
    public void groupDeleted(FeatureGroup group) {
        localChanges++;
        groups.removeIf(g -> g.name().equals(group.name()));
        if (selectedGroup.get() != null && selectedGroup.get().name().equals(group.name())) {
            selectedGroup.set(visibleGroups.isEmpty() ? null : visibleGroups.get(0));
        }
    }

    private void upsert(FeatureGroup group) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).name().equals(group.name())) {
                groups.set(i, group);
                return;
            }
        }
        groups.add(group);
        groups.sort(java.util.Comparator.comparing(FeatureGroup::name));
    }

    /** The catalog as read at one moment: its stamp and its groups. */
    private record Catalog(CatalogStamp stamp, List<FeatureGroup> groups) {
    }

    /** The loaded group with this name. */
    public Optional<FeatureGroup> find(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public ObservableList<FeatureGroup> visibleGroups() {
        return visibleGroups;
    }

    public ObservableList<FeatureGroup> groups() {
        return FXCollections.unmodifiableObservableList(groups);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<FeatureGroup> selectedGroupProperty() {
        return selectedGroup;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True once loaded and the workspace has no groups: the view shows the welcome page. */
    public BooleanBinding emptyProperty() {
        return empty;
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    /** True while the Jobs page is shown. */
    public BooleanProperty showingJobsProperty() {
        return showingJobs;
    }

    /** True while the Explore page is shown. */
    public BooleanProperty showingExploreProperty() {
        return showingExplore;
    }

    /** True while the Datasets page is shown. */
    public BooleanProperty showingDatasetsProperty() {
        return showingDatasets;
    }

    public JobsViewModel jobs() {
        return jobs;
    }

    public StringBinding groupCountTextProperty() {
        return groupCountText;
    }

    public String workspacePath() {
        return store.workspaceDirectory().toAbsolutePath().toString();
    }

    public FeatureStore store() {
        return store;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public DialogService dialogs() {
        return dialogs;
    }
}
