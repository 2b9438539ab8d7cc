package org.featureworkbench.ui.records;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.InlineValidation;

/**
 * "Put record": one input per feature (name, type hint, the value, its problem underneath),
 * the target stores, an optional record TTL, and Put with its one-line result.
 */
final class PutRecordCard extends VBox {
    private final PutRecordViewModel vm;
    private final VBox inputs = new VBox(6);

    PutRecordCard(PutRecordViewModel vm) {
        this.vm = vm;
        getStyleClass().add("card");
        vm.fields().addListener((ListChangeListener<PutField>) c -> {
            // Typing fires "updated" changes; only a new schema rebuilds the inputs (and keeps focus otherwise).
            // Features added to the same group append inputs, so the one being typed in keeps its focus.
            while (c.next()) {
                if (c.wasRemoved() || c.wasAdded() && c.getFrom() != inputs.getChildren().size()) {
                    rebuild();
                    return;
                }
                if (c.wasAdded()) {
                    c.getAddedSubList().forEach(f -> inputs.getChildren().add(input(f)));
                }
            }
        });
        rebuild();

        Button put = new Button("Put record");
        put.setId("putButton");
        put.getStyleClass().add("accent");
        put.setDefaultButton(false);
        put.disableProperty().bind(vm.canPutProperty().not());
        put.setOnAction(e -> vm.put());
        Label missing = FormLayout.messageLabel("putMissing", "hint");
        missing.textProperty().bind(vm.missingProperty());
        HBox actions = new HBox(10, put, missing);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label formError = InlineValidation.errorLabel("putError");
        formError.textProperty().bind(vm.formErrorProperty());
        Label result = FormLayout.messageLabel("putResult", "notice");
        result.textProperty().bind(vm.resultProperty());

        getChildren().add(FormLayout.section("Put record",
                "A full overwrite of the record. Leave a feature empty for no value.",
                inputs, stores(), ttl(), actions, formError, result));
    }

    private void rebuild() {
        inputs.getChildren().clear();
        for (PutField field : vm.fields()) {
            inputs.getChildren().add(input(field));
        }
    }

    private VBox input(PutField field) {
        Label name = new Label(field.name());
        name.getStyleClass().add("feature-name");
        // The feature name never shortens to "event_..."; the type hint gives way instead.
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label type = new Label(field.typeHint());
        type.getStyleClass().add("hint");
        HBox heading = new HBox(8, name, type);
        heading.setAlignment(Pos.BASELINE_LEFT);
        TextField value = new TextField();
        value.setId("put-" + field.name());
        value.textProperty().bindBidirectional(field.valueProperty());
        value.setPromptText(field.required() ? "required" : "no value");
        HBox row = new HBox(6, value);
        HBox.setHgrow(value, Priority.ALWAYS);
        if (field.role() == PutField.Role.EVENT_TIME) {
            Button now = new Button("Now");
            now.setId("eventTimeNow");
            now.setTooltip(new Tooltip("Set the event time to the current time"));
            now.setOnAction(e -> vm.fillNow());
            row.getChildren().add(now);
        }
        Label error = InlineValidation.attach(value, field.errorProperty(), "putError-" + field.name());
        return new VBox(2, heading, row, error);
    }

    private VBox stores() {
        CheckBox online = new CheckBox("Online store");
        online.setId("targetOnline");
        online.selectedProperty().bindBidirectional(vm.targetOnlineProperty());
        online.disableProperty().bind(vm.onlineAvailableProperty().not());
        CheckBox offline = new CheckBox("Offline store");
        offline.setId("targetOffline");
        offline.selectedProperty().bindBidirectional(vm.targetOfflineProperty());
        offline.disableProperty().bind(vm.offlineAvailableProperty().not());
        Label error = InlineValidation.errorLabel("targetsError");
        error.textProperty().bind(vm.targetsErrorProperty());
        Label title = new Label("Write to");
        title.getStyleClass().add("field-label");
        title.setMinWidth(Region.USE_PREF_SIZE);
        online.setMinWidth(Region.USE_PREF_SIZE);
        offline.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(14, title, online, offline);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, row, error);
    }

    private VBox ttl() {
        TextField ttl = new TextField();
        ttl.setId("recordTtl");
        ttl.setPromptText("group default");
        ttl.setPrefColumnCount(8);
        ttl.textProperty().bindBidirectional(vm.ttlProperty());
        ttl.disableProperty().bind(vm.ttlEnabledProperty().not());
        Label hint = new Label("e.g. 12h or 7d");
        hint.getStyleClass().add("hint");
        Label title = new Label("Record TTL");
        title.getStyleClass().add("field-label");
        ttl.setTooltip(new Tooltip("Optional: overrides the group's TTL for this record; it stops being readable "
                + "online at event time + TTL"));
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, title, ttl, hint);
        row.setAlignment(Pos.CENTER_LEFT);
        Label error = InlineValidation.attach(ttl, vm.ttlErrorProperty(), "ttlError");
        VBox box = new VBox(2, row, error);
        box.visibleProperty().bind(vm.onlineAvailableProperty());
        box.managedProperty().bind(vm.onlineAvailableProperty());
        return box;
    }
}
