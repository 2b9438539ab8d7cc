package org.featureworkbench.ui.datasets;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.InlineValidation;

/**
 * Card 2 of the form: the joined groups, one {@link JoinRowView} each, and "Add joined group".
 * Rows are rebuilt only when one is added or removed, never while a field is edited.
 */
final class JoinsCard extends VBox {
    private final DatasetsViewModel vm;
    private final VBox rows = new VBox(10);

    JoinsCard(DatasetsViewModel vm) {
        this.vm = vm;
        Button add = new Button("+ Add joined group");
        add.setId("addJoin");
        add.getStyleClass().add("flat");
        add.setOnAction(e -> vm.addJoin());
        Label error = InlineValidation.errorLabel("joinsError");
        error.textProperty().bind(vm.joinsErrorProperty());
        vm.joins().addListener((ListChangeListener<JoinedGroupViewModel>) c -> rebuild());
        rebuild();
        DatasetControls.card(this, "joinsCard", "2 · Joined groups",
                "Each group adds the state of the record at the base row's event time (its last version at or "
                        + "before it; a later delete never reaches back).", rows, error, add);
    }

    private void rebuild() {
        rows.getChildren().clear();
        for (int i = 0; i < vm.joins().size(); i++) {
            JoinedGroupViewModel row = vm.joins().get(i);
            rows.getChildren().add(new JoinRowView(row, i, vm.groupNames(), vm.base().columns(), () -> vm.removeJoin(row)));
        }
    }
}
