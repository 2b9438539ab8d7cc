package org.featureworkbench.ui.ingest;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.featureworkbench.core.FilePreview;

/**
 * The Preview step's table of the file's first rows: the line each row starts on, then one column
 * per header name with the detected type under the name. The columns are rebuilt for each preview.
 */
final class PreviewRowsTable extends TableView<FilePreview.Row> {
    private static final double CHAR_WIDTH = 7.5;
    private static final double MIN_WIDTH = 80;
    private static final double MAX_WIDTH = 260;

    PreviewRowsTable(FilePreviewViewModel vm) {
        super(vm.rows());
        setId("previewRows");
        getStyleClass().add("preview-rows");
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label("No readable rows among the first rows of the file."));
        vm.previewProperty().addListener((o, old, preview) -> rebuild(preview));
        rebuild(vm.previewProperty().get());
    }

    private void rebuild(FilePreview preview) {
        getColumns().clear();
        if (preview == null) {
            return;
        }
        TableColumn<FilePreview.Row, Long> line = new TableColumn<>("Line");
        line.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().line()));
        line.getStyleClass().add("line-column");
        line.setSortable(false);
        line.setReorderable(false);
        line.setPrefWidth(64);
        getColumns().add(line);
        for (int i = 0; i < preview.columns().size(); i++) {
            getColumns().add(column(preview, i));
        }
    }

    private static TableColumn<FilePreview.Row, String> column(FilePreview preview, int index) {
        FilePreview.Column c = preview.columns().get(index);
        TableColumn<FilePreview.Row, String> column = new TableColumn<>();
        Label name = new Label(c.name());
        name.getStyleClass().add("preview-name");
        Label type = new Label(c.type().awsName());
        type.setId("previewType-" + index);
        type.getStyleClass().add("preview-type");
        column.setGraphic(new VBox(1, name, type));
        column.setCellValueFactory(d -> new ReadOnlyStringWrapper(FilePreviewViewModel.cellText(d.getValue(), index)));
        // Rows are shown in file order: sorting text would scramble numbers and lines.
        column.setSortable(false);
        column.setPrefWidth(width(preview, index));
        return column;
    }

    /** Wide enough for the name and the longest value of the first rows, within bounds. */
    private static double width(FilePreview preview, int index) {
        int chars = preview.columns().get(index).name().length();
        for (FilePreview.Row row : preview.rows()) {
            chars = Math.max(chars, FilePreviewViewModel.cellText(row, index).length());
        }
        return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars * CHAR_WIDTH + 24));
    }
}
