package org.featureworkbench.ui.datasets;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The datasets built in this workspace, newest first, one entry each — when, rows, base and groups,
 * output, the last rebuild's verdict — with Rebuild and Manifest; the chosen manifest is shown below
 * as written. A list of short entries rather than a table: it stays readable in the page's narrow
 * right column.
 */
final class BuiltDatasetsPane extends SplitPane {

    BuiltDatasetsPane(BuiltDatasetsViewModel vm, ObservableBooleanValue busy) {
        setOrientation(Orientation.VERTICAL);
        ListView<BuiltDatasetRow> list = new ListView<>(vm.rows());
        list.setId("builtDatasets");
        list.getStyleClass().add("built-datasets");
        list.setPlaceholder(DatasetControls.hint("No dataset was built in this workspace yet: fill in the form and press Build."));
        list.setCellFactory(v -> new BuiltCell(vm, busy));

        Label title = new Label();
        title.setId("manifestTitle");
        title.getStyleClass().add("hint");
        title.textProperty().bind(Bindings.when(vm.manifestTitleProperty().isEmpty())
                .then("Press Show manifest on a dataset to read its manifest here.").otherwise(vm.manifestTitleProperty()));
        TextArea manifest = new TextArea();
        manifest.setId("manifestText");
        manifest.getStyleClass().add("sql-text");
        manifest.setEditable(false);
        manifest.textProperty().bind(vm.manifestTextProperty());
        VBox.setVgrow(manifest, Priority.ALWAYS);
        VBox manifestBox = new VBox(4, title, manifest);
        getItems().addAll(list, manifestBox);
        setDividerPositions(0.5);
        setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
    }

    /** One dataset: three lines of facts, the verdict, and its two buttons. */
    private static final class BuiltCell extends ListCell<BuiltDatasetRow> {
        private final Label headline = new Label();
        private final Label source = new Label();
        private final Label output = new Label();
        private final Label verdict = new Label();
        private final Button rebuild = new Button("Rebuild");
        private final Button manifest = new Button("Show manifest");
        private final HBox box;

        BuiltCell(BuiltDatasetsViewModel vm, ObservableBooleanValue busy) {
            headline.getStyleClass().add("field-label");
            output.getStyleClass().add("hint");
            // A long path keeps its file name, the part that tells datasets apart.
            output.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
            verdict.getStyleClass().add("built-verdict");
            // The verdict is the point of a rebuild: wrapped, never cut.
            verdict.setWrapText(true);
            verdict.setMinHeight(Label.USE_PREF_SIZE);
            rebuild.getStyleClass().add("rebuild-button");
            rebuild.setTooltip(new Tooltip("Build the same rows again from the manifest and compare each file's SHA-256"));
            rebuild.disableProperty().bind(Bindings.createBooleanBinding(busy::get, busy));
            rebuild.setOnAction(e -> vm.rebuild(getItem()));
            manifest.getStyleClass().addAll("flat", "manifest-button");
            manifest.setTooltip(new Tooltip("Show the manifest: options, SQL, groups, files read, hashes"));
            manifest.setOnAction(e -> vm.showManifest(getItem()));
            VBox text = new VBox(2, headline, source, output, verdict);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            Pane spacer = new Pane();
            HBox.setHgrow(spacer, Priority.SOMETIMES);
            box = new HBox(8, text, spacer, rebuild, manifest);
            box.setAlignment(Pos.CENTER_LEFT);
            rebuild.setMinWidth(Button.USE_PREF_SIZE);
            manifest.setMinWidth(Button.USE_PREF_SIZE);
            // As wide as the list, never wider: the buttons stay in view and long text is cut instead.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(BuiltDatasetRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            headline.setText(row.when() + " · " + row.rows());
            source.setText(row.base() + " + " + row.groups());
            output.setText(row.output());
            verdict.setText(row.verdict().isEmpty() ? "" : "Last rebuild: " + row.verdict());
            verdict.setManaged(!row.verdict().isEmpty());
            setGraphic(box);
        }
    }
}
