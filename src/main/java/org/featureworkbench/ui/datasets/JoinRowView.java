package org.featureworkbench.ui.datasets;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.InlineValidation;

/**
 * One joined group in the form: the group, the base column it joins on, an optional lookback,
 * and its feature checklist. Node ids end in the row's index ({@code joinGroup-0}).
 */
final class JoinRowView extends VBox {

    private final FlowPane checklist = new FlowPane(12, 4);
    private final int index;

    JoinRowView(JoinedGroupViewModel vm, int index, ObservableList<String> groups, ObservableList<String> baseColumns,
                Runnable remove) {
        super(6);
        this.index = index;
        getStyleClass().add("join-row");
        ComboBox<String> group = DatasetControls.picker("joinGroup-" + index, groups, vm.groupProperty(), "Choose a group to join");
        HBox.setHgrow(group, Priority.ALWAYS);
        Button removeButton = new Button("✕");
        removeButton.setId("removeJoin-" + index);
        removeButton.getStyleClass().addAll("flat", "icon-button");
        removeButton.setTooltip(new Tooltip("Remove this joined group"));
        removeButton.setMinWidth(32);
        removeButton.setOnAction(e -> remove.run());
        HBox top = new HBox(6, group, removeButton);
        top.setAlignment(Pos.CENTER_LEFT);
        Label groupError = InlineValidation.attach(group, vm.groupErrorProperty(), "joinGroupError-" + index);
        Label key = DatasetControls.hint("");
        key.textProperty().bind(vm.keyTextProperty());
        key.managedProperty().bind(key.textProperty().isNotEmpty());

        ComboBox<String> column = DatasetControls.picker("joinColumn-" + index, baseColumns, vm.baseColumnProperty(),
                "base id column");
        column.setTooltip(new Tooltip("The base column whose values are this group's record ids"));
        TextField lookback = new TextField();
        lookback.setId("joinLookback-" + index);
        lookback.setPromptText("no limit · e.g. 7d, 12h");
        lookback.setTooltip(new Tooltip("A state older than the row's event time minus this window counts as missing"));
        lookback.textProperty().bindBidirectional(vm.lookbackProperty());
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(6);
        VBox columnBox = DatasetControls.withMessage(column, vm.baseColumnErrorProperty(), "joinColumnError-" + index);
        fields.addRow(0, DatasetControls.gridLabel("Join on"), columnBox);
        fields.addRow(1, DatasetControls.gridLabel("Lookback"),
                DatasetControls.withMessage(lookback, vm.lookbackErrorProperty(), "joinLookbackError-" + index));
        GridPane.setHgrow(columnBox, Priority.ALWAYS);

        Button all = new Button("All");
        all.setId("joinAll-" + index);
        all.getStyleClass().add("flat");
        all.setOnAction(e -> vm.chooseAll(true));
        Button none = new Button("None");
        none.setId("joinNone-" + index);
        none.getStyleClass().add("flat");
        none.setOnAction(e -> vm.chooseAll(false));
        HBox featuresHeader = new HBox(4, DatasetControls.fieldLabel("Features", DatasetControls.LABEL_WIDTH), all, none);
        featuresHeader.setAlignment(Pos.CENTER_LEFT);
        checklist.setId("joinFeatures-" + index);
        Label featuresError = InlineValidation.errorLabel("joinFeaturesError-" + index);
        featuresError.textProperty().bind(vm.featuresErrorProperty());
        vm.features().addListener((ListChangeListener<FeatureChoice>) c -> fill(vm));
        fill(vm);
        VBox features = new VBox(4, featuresHeader, checklist, featuresError);
        features.visibleProperty().bind(vm.groupProperty().isNotNull());
        features.managedProperty().bind(features.visibleProperty());

        getChildren().addAll(top, groupError, key, fields, features);
    }

    private void fill(JoinedGroupViewModel vm) {
        checklist.getChildren().clear();
        for (FeatureChoice f : vm.features()) {
            CheckBox box = new CheckBox(f.name());
            // Feature names have underscores; as mnemonics they would vanish from the label.
            box.setMnemonicParsing(false);
            box.setId("joinFeature-" + index + "-" + f.name());
            box.getStyleClass().add("feature-name");
            box.selectedProperty().bindBidirectional(f.chosenProperty());
            checklist.getChildren().add(box);
        }
    }
}
