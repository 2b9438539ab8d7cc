package org.featureworkbench.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.model.FeatureGroup;

/** The left column: the live search box, the (filtered) list of feature groups, and the Explore, Datasets and Jobs entries. */
final class Sidebar extends VBox {
    private final TextField search = new TextField();

    Sidebar(MainViewModel vm) {
        super(10);
        getStyleClass().add("sidebar");
        setId("sidebar");
        search.setId("searchGroups");
        search.setPromptText("Search groups  (Ctrl+F)");
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        search.getStyleClass().add("search-field");

        Label heading = new Label("FEATURE GROUPS");
        heading.getStyleClass().add("sidebar-heading");

        ListView<FeatureGroup> list = new ListView<>(vm.visibleGroups());
        list.setId("groupList");
        list.getStyleClass().add("group-list");
        list.setCellFactory(v -> new GroupCell());
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("hint");
        placeholder.textProperty().bind(Bindings.when(vm.searchTextProperty().isEmpty())
                .then("No feature groups yet.")
                .otherwise(Bindings.concat("No group matches \"", vm.searchTextProperty(), "\".")));
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);

        // Two-way selection sync by name: the store returns new instances after every change.
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != vm.selectedGroupProperty().get()) {
                vm.selectedGroupProperty().set(now);
            }
        });
        vm.selectedGroupProperty().addListener((obs, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        // A click on a group (even the selected one) leaves the Jobs page.
        list.setOnMouseClicked(e -> vm.showGroups());

        Button jobs = new Button();
        jobs.setId("jobsEntry");
        jobs.getStyleClass().add("sidebar-entry");
        jobs.setMaxWidth(Double.MAX_VALUE);
        jobs.textProperty().bind(Bindings.when(vm.jobs().runningProperty().greaterThan(0))
                .then(Bindings.concat("Jobs  ·  ", vm.jobs().runningTextProperty()))
                .otherwise("Jobs  (running / finished)"));
        jobs.setOnAction(e -> vm.showJobs());
        vm.showingJobsProperty().addListener((o, was, now) -> {
            jobs.getStyleClass().remove("current");
            if (now) {
                jobs.getStyleClass().add("current");
            }
        });
        Button explore = new Button("Explore  (SQL)");
        explore.setId("exploreEntry");
        explore.getStyleClass().add("sidebar-entry");
        explore.setMaxWidth(Double.MAX_VALUE);
        explore.setOnAction(e -> vm.showExplore());
        vm.showingExploreProperty().addListener((o, was, now) -> {
            explore.getStyleClass().remove("current");
            if (now) {
                explore.getStyleClass().add("current");
            }
        });
        Button datasets = new Button("Datasets  (point-in-time)");
        datasets.setId("datasetsEntry");
        datasets.getStyleClass().add("sidebar-entry");
        datasets.setMaxWidth(Double.MAX_VALUE);
        datasets.setOnAction(e -> vm.showDatasets());
        vm.showingDatasetsProperty().addListener((o, was, now) -> {
            datasets.getStyleClass().remove("current");
            if (now) {
                datasets.getStyleClass().add("current");
            }
        });
        Button health = new Button("Check workspace");
        health.setId("healthEntry");
        health.getStyleClass().add("sidebar-entry");
        health.setMaxWidth(Double.MAX_VALUE);
        health.setOnAction(e -> vm.showHealth());
        vm.showingHealthProperty().addListener((o, was, now) -> {
            health.getStyleClass().remove("current");
            if (now) {
                health.getStyleClass().add("current");
            }
        });
        Button connect = new Button("Connect  (API server)");
        connect.setId("connectEntry");
        connect.getStyleClass().add("sidebar-entry");
        connect.setMaxWidth(Double.MAX_VALUE);
        connect.setOnAction(e -> vm.showConnect());
        vm.showingConnectProperty().addListener((o, was, now) -> {
            connect.getStyleClass().remove("current");
            if (now) {
                connect.getStyleClass().add("current");
            }
        });
        getChildren().addAll(search, heading, list, new Separator(), explore, datasets, jobs, health, connect);
    }

    /** Puts the keyboard focus in the search box and selects its text (Ctrl+F). */
    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** A group as two lines: its name, and how many features and which stores it has. */
    private static final class GroupCell extends ListCell<FeatureGroup> {
        @Override
        protected void updateItem(FeatureGroup group, boolean empty) {
            super.updateItem(group, empty);
            setText(null);
            if (empty || group == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(group.name());
            name.getStyleClass().add("group-name");
            int n = group.features().size();
            boolean online = group.definition().onlineStore().enabled();
            boolean offline = group.definition().offlineStore().enabled();
            Label details = new Label(n + (n == 1 ? " feature · " : " features · ")
                    + (online && offline ? "online + offline" : online ? "online" : "offline"));
            details.getStyleClass().add("group-details");
            VBox box = new VBox(2, name, details);
            box.setAlignment(Pos.CENTER_LEFT);
            setGraphic(box);
        }
    }
}
