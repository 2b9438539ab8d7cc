package org.featureworkbench.ui.create;

import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.InlineValidation;
import org.featureworkbench.ui.Styles;

/**
 * The "New feature group" dialog. It only binds to {@link NewGroupViewModel}: Create stays
 * disabled while the form has problems, and the dialog closes itself once the store created
 * the group — a store error (e.g. the name is taken) is shown in the dialog instead.
 */
public final class NewGroupDialog extends Dialog<FeatureGroup> {
    private final TextField nameField = new TextField();
    private static final ButtonType CREATE = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType IMPORT = new ButtonType("Import JSON…", ButtonBar.ButtonData.LEFT);

    public NewGroupDialog(NewGroupViewModel vm, Window owner) {
        setTitle("New feature group");
        initOwner(owner);
        setResizable(true);
        getDialogPane().setHeaderText("Define a feature group: its features, which one identifies a record, "
                + "which one holds the event time, and where records are stored.");
        getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL, CREATE);
        Styles.apply(getDialogPane());
        getDialogPane().getStyleClass().add("form-dialog");

        ScrollPane scroll = new ScrollPane(form(vm, nameField));
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        scroll.setPrefViewportWidth(680);
        getDialogPane().setContent(scroll);

        Button create = (Button) getDialogPane().lookupButton(CREATE);
        create.setId("createButton");
        create.getStyleClass().add("accent");
        create.disableProperty().bind(vm.canCreateProperty().not());
        // Create runs in the background; the dialog closes when the view model reports success.
        create.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.create();
        });
        Button importButton = (Button) getDialogPane().lookupButton(IMPORT);
        importButton.setId("importJsonButton");
        importButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.importJson();
        });
        vm.createdProperty().addListener((obs, old, group) -> {
            if (group != null) {
                setResult(group);
            }
        });
        setResultConverter(button -> button == CREATE ? vm.createdProperty().get() : null);
        // Start typing the name at once (the dialog would otherwise focus its first button).
        setOnShown(e -> nameField.requestFocus());
    }

    private static VBox form(NewGroupViewModel vm, TextField name) {
        name.setId("groupName");
        name.setPromptText("e.g. customers");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField description = new TextField();
        description.setId("groupDescription");
        description.setPromptText("What is in this group? (optional, up to 128 characters)");
        description.textProperty().bindBidirectional(vm.descriptionProperty());

        FeatureRowsEditor features = new FeatureRowsEditor(vm.features());
        Label importMessage = FormLayout.messageLabel("importMessage", "notice");
        importMessage.textProperty().bind(vm.importMessageProperty());
        Label submitError = FormLayout.messageLabel("submitError", "banner-error");
        submitError.textProperty().bind(vm.submitErrorProperty());

        VBox form = new VBox(18,
                importMessage,
                FormLayout.section("Name", "Letters, digits, '-' and '_'; unique in this workspace.",
                        name, InlineValidation.attach(name, vm.problemFor(FormField.NAME), "nameError")),
                FormLayout.section("Description", null, description,
                        InlineValidation.attach(description, vm.problemFor(FormField.DESCRIPTION), "descriptionError")),
                FormLayout.section("Features", "Integral = 64-bit integer, Fractional = decimal number, String = text.",
                        features, errorFor(null, vm, FormField.FEATURES, "featuresError")),
                pickers(vm),
                FormLayout.section("Stores", null, stores(vm), errorFor(null, vm, FormField.STORES, "storesError")),
                FormLayout.section("Tags", "Optional key/value labels, e.g. team = growth.",
                        new TagRowsEditor(vm.tags()), errorFor(null, vm, FormField.TAGS, "tagsError")),
                submitError);
        form.getStyleClass().add("form");
        return form;
    }

    private static Label errorFor(javafx.scene.control.Control control, NewGroupViewModel vm, FormField field, String id) {
        if (control != null) {
            return InlineValidation.attach(control, vm.problemFor(field), id);
        }
        Label label = InlineValidation.errorLabel(id);
        label.textProperty().bind(vm.problemFor(field));
        return label;
    }

    private static HBox pickers(NewGroupViewModel vm) {
        ComboBox<String> recordId = new ComboBox<>(vm.recordIdChoices());
        recordId.setId("recordIdPicker");
        recordId.setPromptText("Choose an Integral or String feature");
        recordId.valueProperty().bindBidirectional(vm.recordIdProperty());
        recordId.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> eventTime = new ComboBox<>(vm.eventTimeChoices());
        eventTime.setId("eventTimePicker");
        eventTime.setPromptText("Choose a Fractional or String feature");
        eventTime.valueProperty().bindBidirectional(vm.eventTimeProperty());
        eventTime.setMaxWidth(Double.MAX_VALUE);
        VBox left = FormLayout.section("Record identifier", "Identifies a record, like a primary key.", recordId,
                InlineValidation.attach(recordId, vm.problemFor(FormField.RECORD_ID), "recordIdError"));
        VBox right = FormLayout.section("Event time", "When the values of a record were true.", eventTime,
                InlineValidation.attach(eventTime, vm.problemFor(FormField.EVENT_TIME), "eventTimeError"));
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(300);
        right.setPrefWidth(300);
        return new HBox(16, left, right);
    }

    private static Node stores(NewGroupViewModel vm) {
        CheckBox online = new CheckBox("Online store — the latest value of each record, for fast lookups");
        online.setId("onlineStore");
        online.selectedProperty().bindBidirectional(vm.onlineProperty());
        CheckBox ttl = new CheckBox("Expire records after");
        ttl.setId("ttlEnabled");
        ttl.selectedProperty().bindBidirectional(vm.ttlEnabledProperty());
        Spinner<Integer> value = new Spinner<>();
        value.setId("ttlValue");
        value.setEditable(true);
        value.setPrefWidth(110);
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Integer.MAX_VALUE, 7);
        factory.valueProperty().bindBidirectional(vm.ttlValueProperty());
        value.setValueFactory(factory);
        ComboBox<TtlUnit> unit = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(TtlUnit.values()));
        unit.setId("ttlUnit");
        unit.valueProperty().bindBidirectional(vm.ttlUnitProperty());
        HBox ttlRow = new HBox(8, ttl, value, unit);
        ttlRow.setAlignment(Pos.CENTER_LEFT);
        ttlRow.setPadding(new javafx.geometry.Insets(0, 0, 0, 26));
        ttlRow.disableProperty().bind(vm.onlineProperty().not());
        value.disableProperty().bind(Bindings.not(vm.ttlEnabledProperty()));
        unit.disableProperty().bind(Bindings.not(vm.ttlEnabledProperty()));
        CheckBox offline = new CheckBox("Offline store — every version of every record, as Parquet files");
        offline.setId("offlineStore");
        offline.selectedProperty().bindBidirectional(vm.offlineProperty());
        return new VBox(8, online, ttlRow, offline);
    }
}
