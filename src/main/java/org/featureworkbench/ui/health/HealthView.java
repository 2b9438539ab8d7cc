package org.featureworkbench.ui.health;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.health.Finding;

/**
 * The "Check workspace" page: Check and Repair buttons, a summary line, the findings (each with
 * what it means and what to do) and, after a repair, what it did. Only binds to its view model.
 */
public final class HealthView extends VBox {
    public HealthView(HealthViewModel vm) {
        setId("healthPage");
        getStyleClass().add("group-page");
        Label title = new Label("Check workspace");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Verifies the database and every online table, the catalog against the offline "
                + "folders, every Parquet file and the record journals. Repair rebuilds what the offline store holds.");
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.setWrapText(true);
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add("page-header");

        Button check = new Button("Check now");
        check.setId("checkWorkspace");
        check.getStyleClass().add("accent");
        check.disableProperty().bind(vm.workingProperty());
        check.setOnAction(e -> vm.check());
        Button repair = new Button("Repair");
        repair.setId("repairWorkspace");
        repair.getStyleClass().add("danger");
        repair.disableProperty().bind(vm.canRepairProperty().not());
        repair.setOnAction(e -> vm.repair());
        Label summary = new Label();
        summary.setId("healthSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        check.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        repair.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox actions = new HBox(8, check, repair, summary);
        actions.setAlignment(Pos.CENTER_LEFT);

        ListView<Finding> findings = new ListView<>(vm.findings());
        findings.setId("healthFindings");
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(vm.checkedProperty())
                .then("Nothing found: no damage and no warnings.")
                .otherwise("Press \"Check now\" to read the whole workspace."));
        findings.setPlaceholder(placeholder);
        findings.setCellFactory(list -> new FindingCell());
        VBox.setVgrow(findings, Priority.ALWAYS);

        Label repairTitle = new Label("Last repair");
        repairTitle.getStyleClass().add("section-title");
        ListView<String> repairLines = new ListView<>(vm.repairLines());
        repairLines.setId("repairLines");
        repairLines.setPrefHeight(150);
        repairLines.setCellFactory(list -> new WrappingCell());
        VBox repairBox = new VBox(4, repairTitle, repairLines);
        repairBox.visibleProperty().bind(Bindings.isNotEmpty(vm.repairLines()));
        repairBox.managedProperty().bind(repairBox.visibleProperty());

        VBox content = new VBox(10, actions, findings, repairBox);
        content.getStyleClass().add("page-content");
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(header, content);
    }

    /** A line of the repair report, wrapped to the list's width. */
    private static final class WrappingCell extends ListCell<String> {
        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label text = new Label(line);
            text.setWrapText(true);
            text.setMaxWidth(getListView() == null ? 800 : getListView().getWidth() - 40);
            setText(null);
            setGraphic(text);
        }
    }

    /** One finding: its severity and problem in bold, then what it means and what to do. */
    private static final class FindingCell extends ListCell<Finding> {
        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label severity = new Label(f.severity().name());
            severity.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            severity.getStyleClass().add(f.isDamage() ? "badge-damage" : "badge-warning");
            severity.setStyle(f.isDamage() ? "-fx-text-fill: #b3261e; -fx-font-weight: bold;"
                    : "-fx-text-fill: #8a6100; -fx-font-weight: bold;");
            Label problem = new Label(f.problem());
            problem.setStyle("-fx-font-weight: bold;");
            problem.setWrapText(true);
            Label meaning = new Label("What it means: " + f.meaning() + ".");
            meaning.setWrapText(true);
            Label action = new Label("What to do: " + HealthViewModel.actionText(f) + ".");
            action.setWrapText(true);
            VBox text = new VBox(2, new HBox(8, severity, problem), meaning, action);
            text.setMaxWidth(getListView() == null ? 800 : getListView().getWidth() - 40);
            setText(null);
            setGraphic(text);
        }
    }
}
