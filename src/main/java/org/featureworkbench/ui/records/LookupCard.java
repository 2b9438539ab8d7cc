package org.featureworkbench.ui.records;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.FormLayout;

/**
 * "Look up records": the ids field (Enter runs it), Look up and Delete… buttons, the results
 * table, the "not found" line and any per-id errors.
 */
final class LookupCard extends VBox {

    LookupCard(RecordsViewModel vm, Runnable openDelete) {
        LookupViewModel lookup = vm.lookup();
        TextField ids = new TextField();
        ids.setId("lookupIds");
        ids.setPromptText("Record id, or several separated by commas (up to 100)");
        ids.textProperty().bindBidirectional(lookup.idsTextProperty());
        ids.setOnAction(e -> lookup.lookUp());
        HBox.setHgrow(ids, Priority.ALWAYS);
        Button run = new Button("Look up");
        run.setId("lookupButton");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> lookup.lookUp());
        Button delete = new Button("Delete…");
        delete.setId("deleteRecord");
        delete.getStyleClass().add("danger");
        delete.setTooltip(new Tooltip("Delete the selected record (or the id typed above), soft or hard"));
        delete.setOnAction(e -> openDelete.run());
        HBox bar = new HBox(8, ids, run, delete);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label notFound = FormLayout.messageLabel("notFound", "not-found");
        notFound.textProperty().bind(lookup.notFoundProperty());
        Label message = FormLayout.messageLabel("lookupMessage", "banner-error");
        message.textProperty().bind(lookup.messageProperty());
        RecordsTable table = new RecordsTable(lookup);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox section = FormLayout.section("Look up records",
                "Latest values in the online store. Select a row to delete it.", bar, message, table, notFound);
        // The table takes the height the put form beside it leaves over.
        VBox.setVgrow(section, Priority.ALWAYS);
        getChildren().add(section);
        getStyleClass().add("card");
    }
}
