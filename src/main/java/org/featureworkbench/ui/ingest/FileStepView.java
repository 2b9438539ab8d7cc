package org.featureworkbench.ui.ingest;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.InlineValidation;

/** Step 1: the file and how to read it. */
final class FileStepView extends VBox {

    FileStepView(SourceStepViewModel vm) {
        super(18);
        setId("fileStep");
        TextField path = new TextField();
        path.setId("ingestFilePath");
        path.setPromptText("Type or paste a path, or choose a file; Enter reads it");
        path.textProperty().bindBidirectional(vm.pathTextProperty());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button("Choose file…");
        choose.setId("chooseFile");
        choose.getStyleClass().add("accent");
        choose.setOnAction(e -> vm.chooseFile());
        HBox fileRow = new HBox(8, path, choose);
        Label error = InlineValidation.errorLabel("fileError");
        error.textProperty().bind(vm.errorProperty());
        Label interrupted = new Label();
        interrupted.setId("interruptedIngest");
        interrupted.getStyleClass().add("notice-warning");
        interrupted.setWrapText(true);
        interrupted.textProperty().bind(vm.interruptedProperty());
        interrupted.visibleProperty().bind(vm.interruptedProperty().isNotEmpty());
        interrupted.managedProperty().bind(interrupted.visibleProperty());

        ComboBox<FormatChoice> format = new ComboBox<>(FXCollections.observableArrayList(FormatChoice.values()));
        format.setId("formatChoice");
        format.valueProperty().bindBidirectional(vm.formatProperty());
        TextField delimiter = new TextField();
        delimiter.setId("delimiter");
        delimiter.setPromptText("detect  (, ; tab |)");
        delimiter.textProperty().bindBidirectional(vm.delimiterProperty());
        TextField encoding = new TextField();
        encoding.setId("encoding");
        encoding.setPromptText("detect  (UTF-8, UTF-16 with BOM)");
        encoding.textProperty().bindBidirectional(vm.encodingProperty());
        GridPane options = new GridPane();
        options.setHgap(12);
        options.setVgap(8);
        options.addRow(0, fieldLabel("Format"), format);
        options.addRow(1, fieldLabel("CSV delimiter"), delimiter);
        options.addRow(2, fieldLabel("Encoding"), encoding);

        ProgressIndicator reading = new ProgressIndicator();
        reading.setPrefSize(18, 18);
        Label readingText = new Label("Reading the first rows…");
        HBox busy = new HBox(8, reading, readingText);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(vm.inferringProperty());
        busy.managedProperty().bind(vm.inferringProperty());
        // What is being read stays as it is until the reading is done.
        for (javafx.scene.Node input : new javafx.scene.Node[] {path, choose, format, delimiter, encoding}) {
            input.disableProperty().bind(vm.inferringProperty());
        }

        getChildren().addAll(
                FormLayout.section("File", "CSV (with a header row), Parquet, or JSON Lines (one JSON object per line).",
                        fileRow, error, interrupted, busy),
                FormLayout.section("Reading options", "Leave them as they are unless the preview looks wrong.", options));
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setMinWidth(110);
        return label;
    }
}
