package org.featureworkbench.ui.group;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.InlineValidation;

/** Edits the selected feature's description and parameters (UpdateFeatureMetadata). */
final class MetadataCard extends VBox {

    MetadataCard(FeatureMetadataViewModel vm) {
        super(10);
        getStyleClass().add("card");
        setId("metadataCard");
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedFeatureProperty().get() == null
                ? "Feature metadata" : "Metadata of " + vm.selectedFeatureProperty().get().name(),
                vm.selectedFeatureProperty()));
        Label pick = new Label("Select a feature in the table to edit its description and parameters.");
        pick.getStyleClass().add("hint");
        pick.setWrapText(true);

        TextField description = new TextField();
        description.setId("featureDescription");
        description.setPromptText("What does this feature mean? (up to 255 characters)");
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        Button save = new Button("Save");
        save.setId("saveDescription");
        save.disableProperty().bind(vm.descriptionChangedProperty().not());
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        save.setOnAction(e -> vm.saveDescription());
        description.setOnAction(e -> vm.saveDescription());
        HBox.setHgrow(description, Priority.ALWAYS);
        HBox descriptionRow = new HBox(8, description, save);

        VBox parameters = new VBox(4);
        Runnable render = () -> {
            parameters.getChildren().clear();
            vm.parameters().forEach(p -> parameters.getChildren().add(parameterRow(p, vm)));
        };
        vm.parameters().addListener((ListChangeListener<KeyValue>) c -> render.run());
        TextField key = new TextField();
        key.setId("newParameterKey");
        key.setPromptText("parameter key, e.g. unit");
        key.textProperty().bindBidirectional(vm.newParameterKeyProperty());
        TextField value = new TextField();
        value.setId("newParameterValue");
        value.setPromptText("value, e.g. EUR");
        value.textProperty().bindBidirectional(vm.newParameterValueProperty());
        value.setOnAction(e -> vm.addParameter());
        Button add = new Button("Add parameter");
        add.setId("addParameter");
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.setOnAction(e -> vm.addParameter());
        HBox.setHgrow(key, Priority.ALWAYS);
        HBox.setHgrow(value, Priority.ALWAYS);
        HBox addRow = new HBox(8, key, value, add);
        Label error = InlineValidation.errorLabel("metadataError");
        error.textProperty().bind(vm.errorProperty());

        VBox editor = new VBox(8, FormLayout.section("Description", null, descriptionRow),
                FormLayout.section("Parameters", null, parameters, addRow), error);
        editor.visibleProperty().bind(vm.selectedFeatureProperty().isNotNull());
        editor.managedProperty().bind(editor.visibleProperty());
        pick.visibleProperty().bind(vm.selectedFeatureProperty().isNull());
        pick.managedProperty().bind(pick.visibleProperty());
        getChildren().addAll(title, pick, editor);
    }

    private static HBox parameterRow(KeyValue parameter, FeatureMetadataViewModel vm) {
        Label text = new Label(parameter.key() + " = " + parameter.value());
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button remove = new Button("✕");
        remove.getStyleClass().addAll("flat", "icon-button");
        remove.setTooltip(new Tooltip("Remove parameter " + parameter.key()));
        remove.setOnAction(e -> vm.removeParameter(parameter.key()));
        HBox row = new HBox(8, text, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("parameter-row");
        return row;
    }
}
