package org.featureworkbench.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.featureworkbench.ui.connect.ConnectView;
import org.featureworkbench.ui.connect.ConnectViewModel;
import org.featureworkbench.ui.connect.ServerState;
import org.featureworkbench.ui.create.NewGroupDialog;
import org.featureworkbench.ui.create.NewGroupViewModel;
import org.featureworkbench.ui.group.GroupDetailView;
import org.featureworkbench.ui.group.GroupDetailViewModel;
import org.featureworkbench.ui.ingest.IngestWizardWindow;
import org.featureworkbench.ui.health.HealthView;
import org.featureworkbench.ui.ingest.JobsView;
import org.featureworkbench.ui.data.DataViewModel;
import org.featureworkbench.ui.explore.ExploreView;
import org.featureworkbench.ui.explore.ExploreViewModel;
import org.featureworkbench.ui.datasets.DatasetsView;
import org.featureworkbench.ui.datasets.DatasetsViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.BooleanBinding;
import javafx.util.Duration;

/**
 * The workbench shell (DESIGN §4): toolbar, sidebar with search, groups, Explore, Datasets and Jobs, the selected
 * group's page (or the welcome page, the Explore, Datasets or Jobs page), and the status bar. The job list is polled
 * once a second while the Jobs page is shown or a job runs.
 */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final Sidebar sidebar;
    private final Timeline jobsPolling;
    // Reads the API server's traffic once a second while it runs (status bar and Connect page).
    private final Timeline trafficPolling = new Timeline(new KeyFrame(Duration.seconds(1), e -> pollTraffic()));
    // Asks every two seconds whether groups changed outside this window (the command line, the API).
    private final Timeline catalogPolling = new Timeline(new KeyFrame(Duration.seconds(2), e -> pollCatalog()));
    // Held here: a binding only its listener refers to can be garbage-collected and stop firing.
    private final BooleanBinding pollJobs;
    private ExploreViewModel explore;
    private DatasetsViewModel datasets;

    public MainView(MainViewModel vm) {
        this.vm = vm;
        getStyleClass().add("workbench");
        GroupDetailViewModel detail = new GroupDetailViewModel(vm.store(), vm.executor(), vm.dialogs(), vm);
        detail.groupProperty().bind(vm.selectedGroupProperty());
        sidebar = new Sidebar(vm);
        setTop(toolbar());
        setLeft(sidebar);
        setCenter(center(detail));
        setBottom(statusBar());
        trafficPolling.setCycleCount(Timeline.INDEFINITE);
        catalogPolling.setCycleCount(Timeline.INDEFINITE);
        if (vm.connect().stateProperty().get() == ServerState.RUNNING) {
            trafficPolling.play();
        }
        jobsPolling = new Timeline(new KeyFrame(Duration.seconds(1), e -> pollJobs()));
        jobsPolling.setCycleCount(Timeline.INDEFINITE);
        pollJobs = vm.showingJobsProperty().or(vm.jobs().runningProperty().greaterThan(0));
        // Once at start: ingests that another (ended) process left interrupted show on the status bar.
        vm.jobs().refresh();
        pollJobs.addListener((o, was, now) -> {
            if (now) {
                jobsPolling.play();
            } else {
                jobsPolling.stop();
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                catalogPolling.play();
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), this::ingestFile);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::newGroup);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), sidebar::focusSearch);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::runQuery);
            }
        });
    }

    private ToolBar toolbar() {
        Label title = new Label("Feature Workbench");
        title.getStyleClass().add("app-title");
        Button newGroup = new Button("New group");
        newGroup.setId("newGroup");
        newGroup.getStyleClass().add("accent");
        newGroup.setTooltip(new Tooltip("Define a new feature group (Ctrl+N)"));
        newGroup.setOnAction(e -> newGroup());
        Button refresh = new Button("Refresh");
        refresh.setId("refresh");
        refresh.setTooltip(new Tooltip("Reload the groups now (changes made by the command line or the API also show by themselves within seconds)"));
        refresh.setOnAction(e -> vm.refresh());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label workspace = new Label("Workspace: " + vm.workspacePath());
        workspace.setId("workspacePath");
        workspace.getStyleClass().add("workspace-label");
        Button fromFile = new Button("New group from file…");
        fromFile.setId("newGroupFromFile");
        fromFile.setTooltip(new Tooltip("Define a group from a CSV, Parquet or JSON Lines file and load it"));
        fromFile.setOnAction(e -> newGroupFromFile());
        return new ToolBar(title, new Separator(), newGroup, fromFile, refresh, spacer, workspace);
    }

    private StackPane center(GroupDetailViewModel detail) {
        DataViewModel data = new DataViewModel(vm.store(), vm.executor());
        data.groupProperty().bind(vm.selectedGroupProperty());
        GroupDetailView page = new GroupDetailView(detail, data, this::ingestFile);
        var groups = vm.showingJobsProperty().not().and(vm.showingExploreProperty().not())
                .and(vm.showingDatasetsProperty().not()).and(vm.showingHealthProperty().not())
                .and(vm.showingConnectProperty().not());
        page.visibleProperty().bind(vm.selectedGroupProperty().isNotNull().and(groups));
        EmptyState empty = new EmptyState(vm, this::newGroup, this::newGroupFromFile);
        empty.visibleProperty().bind(vm.emptyProperty().and(groups));
        Label pick = new Label("Select a feature group on the left.");
        pick.getStyleClass().add("hint");
        pick.visibleProperty().bind(vm.selectedGroupProperty().isNull().and(vm.emptyProperty().not()).and(groups));
        JobsView jobs = new JobsView(vm.jobs());
        jobs.visibleProperty().bind(vm.showingJobsProperty());
        HealthView health = new HealthView(vm.health());
        health.visibleProperty().bind(vm.showingHealthProperty());
        ConnectView connect = new ConnectView(vm.connect());
        connect.visibleProperty().bind(vm.showingConnectProperty());
        StackPane center = new StackPane(pick, empty, page, jobs, health, connect);
        center.getStyleClass().add("main-area");
        // Built when first shown: the page opens the query engine, which a user who never explores need not pay for.
        vm.showingExploreProperty().addListener((o, was, now) -> {
            if (now) {
                if (explore == null) {
                    explore = new ExploreViewModel(vm.store(), vm.executor(), vm.dialogs());
                    ExploreView view = new ExploreView(explore);
                    view.visibleProperty().bind(vm.showingExploreProperty());
                    center.getChildren().add(view);
                }
                explore.refresh();
            }
        });
        // Built when first shown, like Explore; refreshed on each visit (groups and datasets may be new).
        vm.showingDatasetsProperty().addListener((o, was, now) -> {
            if (now) {
                if (datasets == null) {
                    datasets = new DatasetsViewModel(vm.store(), vm.executor(), vm.dialogs());
                    DatasetsView view = new DatasetsView(datasets);
                    view.visibleProperty().bind(vm.showingDatasetsProperty());
                    center.getChildren().add(view);
                }
                datasets.refresh();
            }
        });
        // Groups changed elsewhere: the page being looked at lists them again (the others do when shown).
        vm.outsideChangesProperty().addListener((o, was, now) -> {
            if (explore != null && vm.showingExploreProperty().get()) {
                explore.refresh();
            }
            if (datasets != null && vm.showingDatasetsProperty().get()) {
                datasets.refresh();
            }
            if (vm.showingConnectProperty().get()) {
                vm.connect().refresh();
            }
        });
        return center;
    }

    private HBox statusBar() {
        Label count = new Label();
        count.setId("groupCount");
        count.textProperty().bind(vm.groupCountTextProperty());
        // The count and the API line keep their text; the notice and the workspace path give way.
        count.setMinWidth(Region.USE_PREF_SIZE);
        Label workspace = new Label(vm.workspacePath());
        workspace.getStyleClass().add("muted");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("busyIndicator");
        progress.setPrefSize(16, 16);
        Label working = new Label("Working…");
        HBox busy = new HBox(6, progress, working);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(vm.busyProperty());
        Label jobs = new Label();
        jobs.setId("runningJobs");
        jobs.getStyleClass().add("jobs-running");
        jobs.textProperty().bind(vm.jobs().runningTextProperty());
        jobs.setOnMouseClicked(e -> vm.showJobs());
        Label waiting = new Label();
        waiting.setId("waitNotice");
        waiting.getStyleClass().add("muted");
        waiting.textProperty().bind(vm.waitNoticeProperty());
        waiting.setTooltip(new javafx.scene.control.Tooltip());
        waiting.getTooltip().textProperty().bind(vm.waitNoticeProperty());
        waiting.setMaxWidth(520);
        waiting.setMinWidth(120);
        waiting.visibleProperty().bind(vm.waitNoticeProperty().isNotEmpty());
        waiting.managedProperty().bind(waiting.visibleProperty());
        // A workspace-wide wait ends without a notice of its own; a minute later the line is stale.
        javafx.animation.PauseTransition stale = new javafx.animation.PauseTransition(Duration.seconds(60));
        stale.setOnFinished(e -> vm.waitNoticeProperty().set(""));
        // Invalidation, not change: the same notice told again (another group changed the same way) restarts the minute.
        vm.waitNoticeProperty().addListener(o -> {
            if (!vm.waitNoticeProperty().get().isEmpty()) {
                stale.playFromStart();
            }
        });
        HBox bar = new HBox(12, count, new Separator(javafx.geometry.Orientation.VERTICAL), workspace, spacer, waiting,
                jobs, busy, new Separator(javafx.geometry.Orientation.VERTICAL), apiStatus());
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** The API server's line and its start/stop toggle; the line opens the Connect page. */
    private HBox apiStatus() {
        ConnectViewModel api = vm.connect();
        Label line = new Label();
        line.setId("apiStatus");
        line.getStyleClass().add("api-status");
        line.textProperty().bind(api.statusBarTextProperty());
        line.setMinWidth(Region.USE_PREF_SIZE);
        line.setTooltip(new Tooltip("The local SageMaker-compatible endpoint: click for the Connect page"));
        line.setOnMouseClicked(e -> vm.showConnect());
        Button toggle = new Button();
        toggle.setId("apiToggle");
        toggle.getStyleClass().add("flat");
        toggle.textProperty().bind(javafx.beans.binding.Bindings.when(api.stateProperty().isEqualTo(ServerState.RUNNING))
                .then("Stop API").otherwise("Start API"));
        toggle.disableProperty().bind(api.canStartProperty().not().and(api.canStopProperty().not()));
        toggle.setOnAction(e -> api.toggle());
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        // A start from here that fails is explained on the Connect page, next to the settings to change.
        api.errorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                vm.showConnect();
            }
        });
        api.stateProperty().addListener((o, was, now) -> {
            line.getStyleClass().remove("running");
            if (now == ServerState.RUNNING) {
                line.getStyleClass().add("running");
                trafficPolling.play();
            } else {
                trafficPolling.stop();
            }
        });
        HBox box = new HBox(6, line, toggle);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void pollTraffic() {
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            trafficPolling.stop();
            return;
        }
        vm.connect().pollTraffic();
    }

    private void pollCatalog() {
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            catalogPolling.stop();
            return;
        }
        vm.checkForOutsideChanges();
    }

    private void pollJobs() {
        // A window that closed stops polling instead of reading on.
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            jobsPolling.stop();
            return;
        }
        vm.jobs().refresh();
    }

    /** Ctrl+Enter: runs the Explore page's statement while that page is shown. */
    private void runQuery() {
        if (explore != null && vm.showingExploreProperty().get()) {
            explore.run();
        }
    }

    /** The Explore page's view model once the page was opened, else null. */
    public ExploreViewModel explore() {
        return explore;
    }

    /** The Datasets page's view model once the page was opened, else null. */
    public DatasetsViewModel datasets() {
        return datasets;
    }

    /** Ctrl+I: the ingest wizard into the shown group, or for a new group when no group page is shown. */
    public void ingestFile() {
        boolean onGroup = vm.selectedGroupProperty().get() != null && !vm.showingJobsProperty().get()
                && !vm.showingExploreProperty().get() && !vm.showingDatasetsProperty().get()
                && !vm.showingHealthProperty().get() && !vm.showingConnectProperty().get();
        openWizard(onGroup ? vm.selectedGroupProperty().get() : null);
    }

    /** Opens the ingest wizard for a new group defined from a file (toolbar, welcome page). */
    public void newGroupFromFile() {
        openWizard(null);
    }

    private void openWizard(org.featureworkbench.model.FeatureGroup target) {
        new IngestWizardWindow(vm.newIngestWizard(target), getScene().getWindow()).show();
    }

    /** Opens the "New feature group" dialog (toolbar, welcome page, Ctrl+N). */
    public void newGroup() {
        // The new group is shown on its page; a job finishing in the background does not switch pages.
        vm.showGroups();
        NewGroupViewModel form = new NewGroupViewModel(vm.store(), vm.executor(), vm.dialogs(), vm);
        new NewGroupDialog(form, getScene().getWindow()).showAndWait();
    }
}
