package org.featureworkbench.ui.ingest;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.featureworkbench.core.FilePreview;
import org.featureworkbench.core.InferredGroup;
import org.featureworkbench.ui.FormLayout;

/**
 * Step 2: how the file is read, its first rows with each column's detected type, the rows that
 * cannot be read, and — on a second tab — the column profiles inference drew from a larger
 * sample; then the inference notes.
 */
final class PreviewStepView extends VBox {
    private static final double ROW_HEIGHT = 26;

    PreviewStepView(SourceStepViewModel vm) {
        super(12);
        setId("previewStep");
        FilePreviewViewModel preview = vm.preview();
        Label reading = new Label();
        reading.setId("readingText");
        reading.getStyleClass().add("section-title");
        Label rowsText = new Label();
        rowsText.setId("previewRowsText");
        rowsText.getStyleClass().add("muted");
        Label sample = new Label();
        sample.setId("sampleText");
        sample.getStyleClass().add("muted");
        preview.previewProperty().addListener((o, a, b) -> {
            reading.setText(preview.readingText());
            rowsText.setText(preview.rowsText());
        });
        vm.inferredProperty().addListener((o, a, b) -> sample.setText(vm.sampleText()));
        Label problem = FormLayout.messageLabel("inferenceProblem", "banner-error");
        problem.textProperty().bind(vm.inferenceProblemProperty());

        PreviewRowsTable rows = new PreviewRowsTable(preview);
        VBox profiles = new VBox(8, sample, profileTable(vm));
        TabPane tabs = new TabPane(new Tab("First rows", rows), new Tab("Column profiles", profiles));
        tabs.setId("previewTabs");
        tabs.getStyleClass().addAll("page-tabs", "preview-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        getChildren().addAll(new VBox(4, reading, rowsText), problem, tabs, problemsSection(preview),
                FormLayout.section("What inference decided", "In order; the next step lets you change any of it.",
                        notes(vm)));
    }

    private static VBox problemsSection(FilePreviewViewModel preview) {
        ListView<FilePreview.Problem> list = new ListView<>(preview.problems());
        list.setId("previewProblems");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(FilePreview.Problem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.reason());
                setTooltip(empty || item == null ? null : new Tooltip(item.text()));
            }
        });
        list.prefHeightProperty().bind(Bindings.min(130,
                Bindings.size(preview.problems()).multiply(ROW_HEIGHT).add(4)));
        VBox section = FormLayout.section("Rows that cannot be read",
                "An ingest rejects these rows (they go to the rejects file); fix them in the file to keep them.", list);
        section.setId("previewProblemsSection");
        section.visibleProperty().bind(Bindings.isNotEmpty(preview.problems()));
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    private static ListView<String> notes(SourceStepViewModel vm) {
        ListView<String> notes = new ListView<>(vm.notes());
        notes.setId("inferenceNotes");
        notes.setPrefHeight(150);
        // Notes are sentences: wrap them rather than cut them off at the list's edge.
        notes.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(notes.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        notes.setPlaceholder(new Label("Nothing to note."));
        return notes;
    }

    private static TableView<InferredGroup.Column> profileTable(SourceStepViewModel vm) {
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
        // As tall as the columns need, up to nine, so the tab pane is not taller than either tab needs.
        table.setFixedCellSize(ROW_HEIGHT);
        table.prefHeightProperty().bind(Bindings.max(2, Bindings.min(9, Bindings.size(vm.columns())))
                .multiply(ROW_HEIGHT).add(32));
        table.setPlaceholder(new Label("No profiles: nothing could be inferred from this file."));
        return table;
    }

    private static TableColumn<InferredGroup.Column, String> column(String title,
                                                                    java.util.function.Function<InferredGroup.Column, String> value) {
        TableColumn<InferredGroup.Column, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
