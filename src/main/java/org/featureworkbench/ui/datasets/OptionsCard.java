package org.featureworkbench.ui.datasets;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Card 3 of the form: point-in-time, as-of, the base's event-time range, deleted and duplicate rows,
 * the most recent rows per id, the row limit and the split. One field a row, so the narrow form
 * column never cuts a label.
 */
final class OptionsCard extends VBox {
    private final GridPane grid = new GridPane();
    private int rows;

    OptionsCard(DatasetOptionsViewModel vm) {
        grid.setHgap(10);
        grid.setVgap(6);
        CheckBox pointInTime = new CheckBox("Point-in-time join");
        pointInTime.setId("pointInTime");
        pointInTime.selectedProperty().bindBidirectional(vm.pointInTimeProperty());
        Label pointInTimeHint = DatasetControls.hint("");
        pointInTimeHint.textProperty().bind(Bindings.when(vm.pointInTimeProperty())
                .then("Each group as it was at the row's event time: nothing leaks from the future.")
                .otherwise("Off: each group's latest state, whatever the row's time (for scoring, not training)."));
        grid.add(new VBox(2, pointInTime, pointInTimeHint), 0, rows++, 2, 1);

        field("As of", text("asOf", vm.asOfProperty(), "now (the build's start)",
                "Read every group as the store knew it then: later backfills stay out"), vm.asOfErrorProperty(), "asOfError");
        field("Events from", text("eventFrom", vm.eventFromProperty(), "e.g. 2026-11-01",
                "Only base rows with an event time at or after this (UTC)"), vm.eventFromErrorProperty(), "eventFromError");
        field("Events to", text("eventTo", vm.eventToProperty(), "e.g. 2026-11-30",
                "Only base rows with an event time at or before this (UTC); a date alone means its end"),
                vm.eventToErrorProperty(), "eventToError");

        CheckBox deleted = new CheckBox("deleted records");
        deleted.setId("includeDeleted");
        deleted.setTooltip(new Tooltip("Ignore delete markers: a group's state is its last row that is not a delete"));
        deleted.selectedProperty().bindBidirectional(vm.includeDeletedProperty());
        CheckBox duplicates = new CheckBox("duplicate versions");
        duplicates.setId("includeDuplicates");
        duplicates.setTooltip(new Tooltip("A group base keeps every stored row, not only the last per id and event time"));
        duplicates.selectedProperty().bindBidirectional(vm.includeDuplicatesProperty());
        row("Include", new VBox(4, deleted, duplicates));

        field("Most recent", text("recent", vm.recentProperty(), "all, or N per id",
                "Keep only the N most recent base rows of each record id"), vm.recentErrorProperty(), "recentError");
        field("Row limit", text("limit", vm.limitProperty(), "all", "At most this many output rows, in output order"),
                vm.limitErrorProperty(), "limitError");

        ComboBox<SplitChoice> split = new ComboBox<>(FXCollections.observableArrayList(SplitChoice.values()));
        split.setId("splitMode");
        split.setMaxWidth(Double.MAX_VALUE);
        split.valueProperty().bindBidirectional(vm.splitProperty());
        TextField parts = text("splitParts", vm.splitPartsProperty(), DatasetOptionsViewModel.DEFAULT_SPLIT,
                "Part names and fractions; one file per part");
        Label splitHint = DatasetControls.hint("Every later part is strictly later than every earlier one: no look-ahead.");
        show(splitHint, vm.splitProperty().isEqualTo(SplitChoice.BY_TIME));
        VBox partsBox = DatasetControls.withMessage(parts, vm.splitErrorProperty(), "splitError");
        partsBox.getChildren().add(splitHint);
        show(partsBox, vm.splitProperty().isNotEqualTo(SplitChoice.NONE));
        row("Split", new VBox(6, split, partsBox));
        TextField seed = text("splitSeed", vm.seedProperty(), "e.g. 42", "The same seed deals the same rows to each part");
        Node[] seedRow = field("Seed", seed, vm.seedErrorProperty(), "seedError");
        for (Node n : seedRow) {
            show(n, vm.splitProperty().isEqualTo(SplitChoice.RANDOM));
        }

        DatasetControls.card(this, "optionsCard", "3 · Options", null, grid);
    }

    private Node[] field(String label, TextField field, ReadOnlyStringProperty error, String errorId) {
        return row(label, DatasetControls.withMessage(field, error, errorId));
    }

    private Node[] row(String label, Node content) {
        Label name = DatasetControls.gridLabel(label);
        grid.addRow(rows++, name, content);
        GridPane.setHgrow(content, Priority.ALWAYS);
        return new Node[] {name, content};
    }

    private static void show(Node node, BooleanBinding when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    static TextField text(String id, StringProperty value, String prompt, String tip) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        if (tip != null) {
            field.setTooltip(new Tooltip(tip));
        }
        return field;
    }
}
