package org.featureworkbench.ui.ingest;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.InlineValidation;
import org.featureworkbench.ui.create.FormField;

/** Step 3 for a new group: name, one row per column (include, feature name, type), record id, event time or stamp. */
final class DefinitionStepView extends VBox {
    private final VBox rows = new VBox(6);

    DefinitionStepView(DefinitionStepViewModel vm) {
        super(16);
        setId("definitionStep");
        TextField name = new TextField();
        name.setId("newGroupName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField description = new TextField();
        description.setId("newGroupDescription");
        description.setPromptText("What is in this group? (optional)");
        description.textProperty().bindBidirectional(vm.descriptionProperty());

        HBox header = new HBox(8, header("", 28), header("Column in file", 170), header("Feature name", -1),
                header("Type", 140));
        Label featuresError = InlineValidation.errorLabel("featuresError");
        featuresError.textProperty().bind(vm.problemFor(FormField.FEATURES));
        vm.rows().addListener((ListChangeListener<ColumnRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    rebuild(vm);
                    return;
                }
            }
        });
        rebuild(vm);

        ComboBox<String> recordId = new ComboBox<>(vm.recordIdChoices());
        recordId.setId("ingestRecordId");
        recordId.valueProperty().bindBidirectional(vm.recordIdProperty());
        recordId.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> eventTime = new ComboBox<>(vm.eventTimeChoices());
        eventTime.setId("ingestEventTime");
        eventTime.valueProperty().bindBidirectional(vm.eventTimeProperty());
        eventTime.setMaxWidth(Double.MAX_VALUE);
        eventTime.disableProperty().bind(vm.stampProperty());
        CheckBox stamp = new CheckBox();
        stamp.setId("stampEventTime");
        stamp.textProperty().bind(javafx.beans.binding.Bindings.concat(
                "Stamp every row with the ingest time (adds the Fractional feature '", vm.stampNameProperty(), "')"));
        stamp.selectedProperty().bindBidirectional(vm.stampProperty());
        VBox left = FormLayout.section("Record identifier", "Integral or String; identifies a record.", recordId,
                InlineValidation.attach(recordId, vm.problemFor(FormField.RECORD_ID), "ingestRecordIdError"));
        VBox right = FormLayout.section("Event time", "Fractional (epoch seconds) or String (ISO-8601).", eventTime,
                stamp, InlineValidation.attach(eventTime, vm.problemFor(FormField.EVENT_TIME), "ingestEventTimeError"));
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(320);
        right.setPrefWidth(320);

        getChildren().addAll(
                FormLayout.section("Group name", "Letters, digits, '-' and '_'; unique in this workspace.", name,
                        InlineValidation.attach(name, vm.problemFor(FormField.NAME), "newGroupNameError")),
                FormLayout.section("Description", null, description),
                FormLayout.section("Features", "Untick a column to leave it out; rename or retype as needed.",
                        header, rows, featuresError),
                new HBox(16, left, right));
    }

    private static Label header(String text, double width) {
        Label label = new Label(text);
        label.getStyleClass().add("column-header");
        if (width > 0) {
            label.setMinWidth(width);
            label.setPrefWidth(width);
        } else {
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, Priority.ALWAYS);
        }
        return label;
    }

    private void rebuild(DefinitionStepViewModel vm) {
        rows.getChildren().clear();
        for (int i = 0; i < vm.rows().size(); i++) {
            ColumnRow row = vm.rows().get(i);
            CheckBox include = new CheckBox();
            include.setId("includeColumn-" + i);
            include.setMinWidth(28);
            include.selectedProperty().bindBidirectional(row.includeProperty());
            Label column = new Label(row.column());
            column.setMinWidth(170);
            column.setPrefWidth(170);
            TextField feature = new TextField();
            feature.setId("columnFeature-" + i);
            feature.textProperty().bindBidirectional(row.feature().nameProperty());
            feature.disableProperty().bind(row.includeProperty().not());
            HBox.setHgrow(feature, Priority.ALWAYS);
            ComboBox<FeatureType> type = new ComboBox<>(FXCollections.observableArrayList(FeatureType.values()));
            type.setId("columnType-" + i);
            type.setPrefWidth(140);
            type.valueProperty().bindBidirectional(row.feature().typeProperty());
            type.disableProperty().bind(row.includeProperty().not());
            HBox line = new HBox(8, include, column, feature, type);
            line.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(line);
        }
    }
}
