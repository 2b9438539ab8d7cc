package org.featureworkbench.ui.create;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.InlineValidation;
import org.featureworkbench.ui.Styles;

/**
 * "Add features…": new feature rows for an existing group. Add stays disabled until every name
 * is valid and new; the dialog closes once the store added them.
 */
public final class AddFeaturesDialog extends Dialog<FeatureGroup> {
    private static final ButtonType ADD = new ButtonType("Add features", ButtonBar.ButtonData.OK_DONE);

    public AddFeaturesDialog(AddFeaturesViewModel vm, Window owner) {
        setTitle("Add features to " + vm.group().name());
        initOwner(owner);
        setResizable(true);
        getDialogPane().setHeaderText("Add features to '" + vm.group().name() + "'. Existing features cannot be "
                + "changed or removed; new names only. Older records simply have no value for them.");
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ADD);
        Styles.apply(getDialogPane());
        getDialogPane().getStyleClass().add("form-dialog");

        Label problems = InlineValidation.errorLabel("additionsError");
        problems.textProperty().bind(vm.problemText());
        Label submitError = FormLayout.messageLabel("addSubmitError", "banner-error");
        submitError.textProperty().bind(vm.submitErrorProperty());
        FormLayout.fitDialogTo(this, submitError);
        // a problem under the table, or a row added, must not push the buttons out of the window
        FormLayout.fitDialogTo(this, problems);
        VBox form = new VBox(14, FormLayout.section("New features",
                "Integral = 64-bit integer, Fractional = decimal number, String = text.",
                new FeatureRowsEditor(vm.features()), problems), submitError);
        FormLayout.fitDialogToRows(this, vm.features());
        form.getStyleClass().add("form");
        form.setPrefWidth(560);
        getDialogPane().setContent(form);

        Button add = (Button) getDialogPane().lookupButton(ADD);
        add.setId("addFeaturesButton");
        add.getStyleClass().add("accent");
        add.disableProperty().bind(vm.canAddProperty().not());
        add.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.add();
        });
        vm.updatedProperty().addListener((obs, old, group) -> {
            if (group != null) {
                setResult(group);
            }
        });
        setResultConverter(button -> button == ADD ? vm.updatedProperty().get() : null);
    }
}
