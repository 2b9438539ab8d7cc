package org.featureworkbench.ui.datasets;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.dataset.DatasetBase;

/**
 * Card 1 of the form: where the base rows come from (a group, a file with a chooser, or a query)
 * and, for a file or query, which columns hold the record id and the event time.
 */
final class BaseCard extends VBox {

    BaseCard(DatasetBaseViewModel vm, Runnable preview) {
        HBox kinds = DatasetControls.choice("baseKind", DatasetBase.Kind.values(), vm.kindProperty(), k -> switch (k) {
            case GROUP -> "Feature group";
            case FILE -> "File";
            case QUERY -> "Query";
        });

        ComboBox<String> group = DatasetControls.picker("baseGroup", vm.groupNames(), vm.groupProperty(), "Choose a group");
        Label key = DatasetControls.hint("");
        key.textProperty().bind(vm.keyTextProperty());
        key.managedProperty().bind(key.textProperty().isNotEmpty());
        VBox groupBox = new VBox(4, DatasetControls.withMessage(group, vm.sourceErrorProperty(), "baseGroupError"), key);

        Label fileHint = DatasetControls.hint("A CSV or Parquet file of labelled events: an id and an event-time column.");
        TextField file = new TextField();
        file.setId("baseFile");
        file.setPromptText("path of the file, or Choose…");
        file.textProperty().bindBidirectional(vm.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("chooseBaseFile");
        choose.setMinWidth(Button.USE_PREF_SIZE);
        choose.setOnAction(e -> {
            if (vm.chooseFile()) {
                preview.run();
            }
        });
        VBox fileBox = DatasetControls.withMessage(file, vm.sourceErrorProperty(), "baseFileError");
        fileBox.getChildren().set(0, new HBox(8, file, choose));
        fileBox.getChildren().add(0, fileHint);

        TextArea query = new TextArea();
        query.setId("baseQuery");
        query.getStyleClass().add("sql-text");
        query.setPromptText("SELECT customer_id, event_time, label FROM …");
        query.setPrefRowCount(4);
        query.setWrapText(true);
        query.textProperty().bindBidirectional(vm.queryProperty());
        VBox queryBox = DatasetControls.withMessage(query, vm.sourceErrorProperty(), "baseQueryError");
        queryBox.getChildren().add(0, DatasetControls.hint("A read-only SELECT over the group views (as on the Explore page)."));

        ComboBox<String> id = DatasetControls.picker("baseIdColumn", vm.columns(), vm.idColumnProperty(), "preview first");
        ComboBox<String> time = DatasetControls.picker("baseTimeColumn", vm.columns(), vm.timeColumnProperty(), "preview first");
        GridPane columns = new GridPane();
        columns.setHgap(10);
        columns.setVgap(6);
        columns.addRow(0, DatasetControls.gridLabel("Record id"),
                DatasetControls.withMessage(id, vm.idErrorProperty(), "baseIdError"));
        columns.addRow(1, DatasetControls.gridLabel("Event time"),
                DatasetControls.withMessage(time, vm.timeErrorProperty(), "baseTimeError"));
        GridPane.setHgrow(id.getParent(), Priority.ALWAYS);
        Label timeHint = DatasetControls.hint("Event times may be ISO-8601 text or epoch seconds.");
        VBox columnsBox = new VBox(4, columns, timeHint);

        show(groupBox, vm.kindProperty().isEqualTo(DatasetBase.Kind.GROUP));
        show(fileBox, vm.kindProperty().isEqualTo(DatasetBase.Kind.FILE));
        show(queryBox, vm.kindProperty().isEqualTo(DatasetBase.Kind.QUERY));
        show(columnsBox, vm.kindProperty().isNotEqualTo(DatasetBase.Kind.GROUP));

        Button previewBase = new Button("Preview base rows");
        previewBase.setId("previewBase");
        previewBase.setOnAction(e -> preview.run());

        DatasetControls.card(this, "baseCard", "1 · Base rows",
                "One output row per base row: each joined group adds its features as they were at the row's event time.",
                kinds, groupBox, fileBox, queryBox, columnsBox, previewBase);
    }

    private static void show(VBox box, BooleanBinding when) {
        box.visibleProperty().bind(when);
        box.managedProperty().bind(when);
    }
}
