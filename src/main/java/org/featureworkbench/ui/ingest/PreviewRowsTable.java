package org.featureworkbench.ui.ingest;

import javafx.beans.binding.Bindings;
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
    /** Header names are bold, so a little wider per character. */
    private static final double HEADER_CHAR_WIDTH = 8.5;
    private static final double MIN_WIDTH = 72;
    private static final double MAX_WIDTH = 260;
    private static final double ROW_HEIGHT = 26;
    /** Room for the two-line header and the horizontal scroll bar. */
    private static final double CHROME_HEIGHT = 62;
    private static final int MAX_VISIBLE_ROWS = 9;

    PreviewRowsTable(FilePreviewViewModel vm) {
        super(vm.rows());
        setId("previewRows");
        getStyleClass().add("preview-rows");
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label("No readable rows among the first rows of the file."));
        // As tall as the rows need, up to nine; a short file leaves no empty stripes.
        setFixedCellSize(ROW_HEIGHT);
        prefHeightProperty().bind(Bindings.max(2, Bindings.min(MAX_VISIBLE_ROWS, Bindings.size(vm.rows())))
                .multiply(ROW_HEIGHT).add(CHROME_HEIGHT));
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
        line.setPrefWidth(56);
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
        VBox header = new VBox(1, name, type);
        header.getStyleClass().add("preview-header");
        column.setGraphic(header);
        column.setCellValueFactory(d -> new ReadOnlyStringWrapper(FilePreviewViewModel.cellText(d.getValue(), index)));
        // Rows are shown in file order: sorting text would scramble numbers and lines.
        column.setSortable(false);
        column.setPrefWidth(width(preview, index));
        return column;
    }

    /** Wide enough for the name, its type and the longest value of the first rows, within bounds. */
    private static double width(FilePreview preview, int index) {
        FilePreview.Column c = preview.columns().get(index);
        int chars = 0;
        for (FilePreview.Row row : preview.rows()) {
            chars = Math.max(chars, FilePreviewViewModel.cellText(row, index).length());
        }
        double header = Math.max(c.name().length(), c.type().awsName().length()) * HEADER_CHAR_WIDTH + 24;
        return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.max(header, chars * CHAR_WIDTH + 24)));
    }
}
