package org.featureworkbench.ui.datasets;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.query.ExportFormat;

/** Card 4 of the form: the file format and where the dataset (its parts and manifest) is written. */
final class OutputCard extends VBox {

    OutputCard(DatasetOptionsViewModel vm) {
        HBox format = DatasetControls.choice("format", ExportFormat.values(), vm.formatProperty(),
                f -> f == ExportFormat.CSV ? "CSV" : "Parquet");
        TextField file = OptionsCard.text("outputFile", vm.outputProperty(), "where to write the dataset", null);
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("chooseOutput");
        choose.setMinWidth(Button.USE_PREF_SIZE);
        choose.setOnAction(e -> vm.chooseOutput());
        VBox fileBox = DatasetControls.withMessage(file, vm.outputErrorProperty(), "outputError");
        fileBox.getChildren().set(0, new HBox(8, file, choose));
        DatasetControls.card(this, "outputCard", "4 · Output",
                "A split writes <name>-<part> files; a manifest (<file>.manifest.json) beside them allows a rebuild.",
                format, fileBox);
    }
}
