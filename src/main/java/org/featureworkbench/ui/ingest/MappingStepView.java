package org.featureworkbench.ui.ingest;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.FormLayout;

/** Step 3 for an existing group: which column fills which feature, what is ignored, what stays null. */
final class MappingStepView extends VBox {

    MappingStepView(GroupMappingViewModel vm) {
        super(14);
        setId("mappingStep");
        TableView<MappedColumn> table = new TableView<>(vm.columns());
        table.setId("mappingTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Column in file", MappedColumn::column));
        table.getColumns().add(column("Looks like", c -> c.inferredType().awsName()));
        table.getColumns().add(column("→ Feature", c -> c.feature() == null ? "—" : c.feature()));
        table.getColumns().add(column("Feature type", c -> c.featureType() == null ? "" : c.featureType().awsName()));
        table.getColumns().add(column("Note", MappedColumn::remark));
        table.setPrefHeight(220);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label unmapped = FormLayout.messageLabel("unmappedColumns", "notice");
        unmapped.textProperty().bind(Bindings.createStringBinding(() -> vm.unmapped().isEmpty() ? ""
                : "Columns not in the group, ignored: " + String.join(", ", vm.unmapped()), vm.unmapped()));
        Button addColumns = new Button("Add them as features");
        addColumns.setId("addNewColumns");
        addColumns.setTooltip(new javafx.scene.control.Tooltip(
                "Adds these columns to the group as features, typed from the file, so this ingest keeps them"));
        addColumns.setMinWidth(Region.USE_PREF_SIZE);
        addColumns.visibleProperty().bind(Bindings.isNotEmpty(vm.addable()));
        addColumns.managedProperty().bind(addColumns.visibleProperty());
        addColumns.disableProperty().bind(vm.addingProperty());
        addColumns.setOnAction(e -> vm.addNewColumns());
        HBox unmappedRow = new HBox(10, unmapped, addColumns);
        unmappedRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(unmapped, Priority.ALWAYS);
        Label added = FormLayout.messageLabel("addNewColumnsResult", "notice");
        added.textProperty().bind(vm.addResultProperty());
        Label rename = FormLayout.messageLabel("renameAdvice", "hint");
        rename.textProperty().bind(vm.renameAdviceProperty());
        Label absent = FormLayout.messageLabel("absentFeatures", "notice");
        absent.textProperty().bind(Bindings.createStringBinding(() -> vm.absent().isEmpty() ? ""
                : "Features with no column, stored as null: " + String.join(", ", vm.absent()), vm.absent()));
        CheckBox stamp = new CheckBox("Stamp every row with the ingest time as its event time");
        stamp.setId("mappingStamp");
        stamp.selectedProperty().bindBidirectional(vm.stampProperty());
        stamp.visibleProperty().bind(vm.stampAvailableProperty());
        stamp.managedProperty().bind(vm.stampAvailableProperty());
        Label problem = FormLayout.messageLabel("mappingProblem", "banner-error");
        problem.textProperty().bind(vm.problemProperty());
        getChildren().addAll(FormLayout.section("Columns → features",
                "Columns match features by name, ignoring case.", table), unmappedRow, rename, added, absent, stamp, problem);
    }

    private static TableColumn<MappedColumn, String> column(String title,
                                                            java.util.function.Function<MappedColumn, String> value) {
        TableColumn<MappedColumn, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
