package org.featureworkbench.ui.ingest;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.core.InferredGroup;
import org.featureworkbench.ui.FormLayout;

/**
 * Step 2: how the file was read and, per column, the type inference gave it and what the sample
 * showed (the facade's {@code infer} profiles columns; it does not return the rows themselves).
 */
final class PreviewStepView extends VBox {

    PreviewStepView(SourceStepViewModel vm) {
        super(14);
        setId("previewStep");
        Label reading = new Label();
        reading.setId("readingText");
        reading.getStyleClass().add("muted");
        Label sample = new Label();
        sample.setId("sampleText");
        sample.getStyleClass().add("section-title");
        vm.inferredProperty().addListener((o, a, b) -> {
            reading.setText(vm.readingText());
            sample.setText(vm.sampleText());
        });

        TableView<InferredGroup.Column> table = new TableView<>(vm.columns());
        table.setId("previewColumns");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Column in file", c -> c.column()));
        table.getColumns().add(column("Feature name", c -> c.featureName()));
        table.getColumns().add(column("Inferred type", c -> c.type().awsName()));
        TableColumn<InferredGroup.Column, Long> filled = new TableColumn<>("Rows with a value");
        filled.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().nonEmpty()));
        table.getColumns().add(filled);
        table.getColumns().add(column("Unique", c -> c.unique() ? "yes — could identify a record" : "no"));
        table.setPrefHeight(240);
        VBox.setVgrow(table, Priority.ALWAYS);

        ListView<String> notes = new ListView<>(vm.notes());
        notes.setId("inferenceNotes");
        notes.setPrefHeight(130);
        notes.setPlaceholder(new Label("Nothing to note."));

        getChildren().addAll(reading, sample, table,
                FormLayout.section("What inference decided", "In order; the next step lets you change any of it.", notes));
    }

    private static TableColumn<InferredGroup.Column, String> column(String title,
                                                                    java.util.function.Function<InferredGroup.Column, String> value) {
        TableColumn<InferredGroup.Column, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
