package org.featureworkbench.ui.records;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.InlineValidation;
import org.featureworkbench.ui.Styles;

/**
 * "Delete record": the id, soft or hard (each explained in one sentence), and the delete's
 * event time. Delete runs in the background; the dialog closes when the store accepted it and
 * otherwise shows the store's message (e.g. a hard delete that is not newer than the record).
 */
public final class DeleteRecordDialog extends Dialog<Void> {
    private static final ButtonType DELETE = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);

    public DeleteRecordDialog(DeleteRecordViewModel vm, Window owner) {
        setTitle("Delete record");
        initOwner(owner);
        getDialogPane().setHeaderText("Delete a record from '" + vm.group().name() + "'");
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, DELETE);
        Styles.apply(getDialogPane());
        getDialogPane().getStyleClass().add("form-dialog");
        getDialogPane().setContent(form(vm));
        FormLayout.fitDialogTo(this, (Label) getDialogPane().lookup("#deleteError"));
        FormLayout.fitDialogTo(this, (Label) getDialogPane().lookup("#deleteWaiting"));
        getDialogPane().setPrefWidth(520);

        Button delete = (Button) getDialogPane().lookupButton(DELETE);
        delete.setId("confirmDelete");
        // Not the default button: Enter in a field must not delete, and the red text marks the danger.
        delete.setDefaultButton(false);
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(vm.canDeleteProperty().not());
        delete.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.delete();
        });
        // A delete that runs (it may wait for features being added) is not stopped by closing the dialog.
        getDialogPane().lookupButton(ButtonType.CANCEL).disableProperty().bind(vm.deletingProperty());
        vm.doneProperty().addListener((obs, old, done) -> {
            if (done) {
                setResult(null);
                close();
            }
        });
    }

    private static VBox form(DeleteRecordViewModel vm) {
        String idName = vm.group().definition().recordIdentifierFeatureName();
        TextField id = new TextField();
        id.setId("deleteId");
        id.setPromptText(idName + " of the record");
        id.textProperty().bindBidirectional(vm.recordIdProperty());

        ToggleGroup modes = new ToggleGroup();
        VBox modeBox = new VBox(8);
        for (DeletionMode mode : DeletionMode.values()) {
            RadioButton radio = new RadioButton(mode == DeletionMode.SOFT_DELETE ? "Soft delete (default)" : "Hard delete");
            radio.setId(mode == DeletionMode.SOFT_DELETE ? "softDelete" : "hardDelete");
            radio.setToggleGroup(modes);
            radio.setUserData(mode);
            radio.setSelected(vm.modeProperty().get() == mode);
            Label explanation = new Label(DeleteRecordViewModel.explain(mode));
            explanation.getStyleClass().add("hint");
            explanation.setWrapText(true);
            explanation.setPadding(new javafx.geometry.Insets(0, 0, 0, 24));
            modeBox.getChildren().add(new VBox(2, radio, explanation));
        }
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.modeProperty().set((DeletionMode) now.getUserData());
            }
        });

        TextField time = new TextField();
        time.setId("deleteEventTime");
        time.textProperty().bindBidirectional(vm.eventTimeProperty());
        HBox.setHgrow(time, Priority.ALWAYS);
        Button now = new Button("Now");
        now.setOnAction(e -> vm.fillNow());
        Label error = FormLayout.messageLabel("deleteError", "banner-error");
        error.textProperty().bind(vm.errorProperty());
        Label waiting = FormLayout.messageLabel("deleteWaiting", "notice");
        waiting.textProperty().bind(vm.waitingProperty());

        VBox form = new VBox(14,
                FormLayout.section("Record (" + idName + ")", null, id, InlineValidation.attach(id, vm.idErrorProperty(), "deleteIdError")),
                FormLayout.section("Mode", null, modeBox),
                FormLayout.section("Event time of the delete", "Seconds since the epoch or ISO-8601 UTC; "
                        + "the delete marker in the offline store carries this time.", new HBox(6, time, now),
                        InlineValidation.attach(time, vm.eventTimeErrorProperty(), "deleteEventTimeError")),
                error, waiting);
        form.getStyleClass().add("form");
        return form;
    }
}
