package org.featureworkbench.ui.datasets;

import java.text.NumberFormat;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.dataset.DatasetPart;

/** After a build: each part's rows and file, the manifest, and "Open folder". Hidden before the first build. */
final class BuildResultCard extends VBox {
    private final GridPane parts = new GridPane();

    BuildResultCard(DatasetsViewModel vm) {
        super(6);
        setId("buildResult");
        getStyleClass().add("card");
        Label title = new Label("Last build");
        title.getStyleClass().add("section-title");
        Button open = new Button("Open folder");
        open.setId("openFolder");
        open.setOnAction(e -> vm.openFolder());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, title, spacer, open);
        top.setAlignment(Pos.CENTER_LEFT);
        Label manifest = DatasetControls.hint("");
        manifest.setId("builtManifest");
        manifest.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.resultProperty().get() == null
                ? "" : "Manifest " + vm.resultProperty().get().manifest() + " · as of " + vm.resultProperty().get().asOf(),
                vm.resultProperty()));
        parts.setId("builtParts");
        parts.setHgap(14);
        parts.setVgap(2);
        vm.parts().addListener((ListChangeListener<DatasetPart>) c -> fill(vm));
        getChildren().addAll(top, parts, manifest);
        visibleProperty().bind(vm.resultProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    private void fill(DatasetsViewModel vm) {
        parts.getChildren().clear();
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        for (int i = 0; i < vm.parts().size(); i++) {
            DatasetPart p = vm.parts().get(i);
            Label name = new Label(p.name());
            name.getStyleClass().add("field-label");
            Label rows = new Label(n.format(p.rows()) + (p.rows() == 1 ? " row" : " rows"));
            rows.setId("partRows-" + p.name());
            Label file = new Label(String.valueOf(p.file().getFileName()));
            file.getStyleClass().add("feature-name");
            parts.addRow(i, name, rows, file);
        }
    }
}
