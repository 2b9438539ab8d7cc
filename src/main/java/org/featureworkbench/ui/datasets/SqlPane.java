package org.featureworkbench.ui.datasets;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The SQL the builder runs for the form (read-only), with Copy. */
final class SqlPane extends VBox {

    SqlPane(DatasetPreviewViewModel vm) {
        super(6);
        TextArea text = new TextArea();
        text.setId("datasetSql");
        text.getStyleClass().add("sql-text");
        text.setEditable(false);
        // Long generated lines read better scrolled than wrapped mid-expression.
        text.setWrapText(false);
        text.textProperty().bind(vm.sqlProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        Label status = DatasetControls.hint("");
        status.setId("sqlStatus");
        status.textProperty().bind(vm.sqlStatusProperty());
        Button copy = new Button("Copy");
        copy.setId("copySql");
        copy.setTooltip(new Tooltip("Copy the SQL to the clipboard"));
        copy.disableProperty().bind(vm.sqlProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.sqlProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        vm.sqlProperty().addListener((o, old, now) -> copy.setText("Copy"));
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, status, spacer, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, text);
        setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
    }
}
