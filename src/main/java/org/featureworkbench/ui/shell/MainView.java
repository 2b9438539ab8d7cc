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
import javafx.scene.layout.StackPane;
import org.featureworkbench.ui.create.NewGroupDialog;
import org.featureworkbench.ui.create.NewGroupViewModel;
import org.featureworkbench.ui.group.GroupDetailView;
import org.featureworkbench.ui.group.GroupDetailViewModel;

/**
 * The workbench shell (DESIGN §4): toolbar, sidebar with search and groups, the selected
 * group's page (or the welcome page), and the status bar.
 */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final Sidebar sidebar;

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
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::newGroup);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), sidebar::focusSearch);
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
        refresh.setTooltip(new Tooltip("Reload the groups, e.g. after the command line changed them"));
        refresh.setOnAction(e -> vm.refresh());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label workspace = new Label("Workspace: " + vm.workspacePath());
        workspace.setId("workspacePath");
        workspace.getStyleClass().add("workspace-label");
        return new ToolBar(title, new Separator(), newGroup, refresh, spacer, workspace);
    }

    private StackPane center(GroupDetailViewModel detail) {
        GroupDetailView page = new GroupDetailView(detail);
        page.visibleProperty().bind(vm.selectedGroupProperty().isNotNull());
        EmptyState empty = new EmptyState(vm, this::newGroup);
        empty.visibleProperty().bind(vm.emptyProperty());
        Label pick = new Label("Select a feature group on the left.");
        pick.getStyleClass().add("hint");
        pick.visibleProperty().bind(vm.selectedGroupProperty().isNull().and(vm.emptyProperty().not()));
        StackPane center = new StackPane(pick, empty, page);
        center.getStyleClass().add("main-area");
        return center;
    }

    private HBox statusBar() {
        Label count = new Label();
        count.setId("groupCount");
        count.textProperty().bind(vm.groupCountTextProperty());
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
        HBox bar = new HBox(12, count, new Separator(javafx.geometry.Orientation.VERTICAL), workspace, spacer, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** Opens the "New feature group" dialog (toolbar, welcome page, Ctrl+N). */
    public void newGroup() {
        NewGroupViewModel form = new NewGroupViewModel(vm.store(), vm.executor(), vm.dialogs(), vm);
        new NewGroupDialog(form, getScene().getWindow()).showAndWait();
    }
}
