package org.featureworkbench.ui.datasets;

import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The page's commands — Preview, Build, Cancel — and, while a build or rebuild runs, its step and
 * progress bar. Preview and Build wait while anything runs; Cancel stops whatever does.
 */
final class BuildBar extends VBox {

    BuildBar(DatasetsViewModel vm) {
        super(6);
        DatasetJobViewModel job = vm.job();
        BooleanBinding busy = job.runningProperty().or(vm.previews().runningProperty());
        Button preview = new Button("Preview first " + DatasetPreviewViewModel.ROWS + " rows");
        preview.setId("previewDataset");
        preview.setTooltip(new Tooltip("Join the first rows in DuckDB without writing files"));
        preview.setOnAction(e -> vm.preview());
        preview.disableProperty().bind(busy);
        Button build = new Button("Build dataset");
        build.setId("buildDataset");
        build.getStyleClass().add("accent");
        build.setTooltip(new Tooltip("Write every row to the output file(s) and a manifest beside them"));
        build.setOnAction(e -> vm.build());
        build.disableProperty().bind(busy);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelDataset");
        cancel.setTooltip(new Tooltip("Stop the running preview, build or rebuild"));
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(busy.not());
        ProgressIndicator reading = new ProgressIndicator();
        reading.setPrefSize(18, 18);
        reading.visibleProperty().bind(vm.previews().runningProperty());
        HBox buttons = new HBox(8, preview, build, cancel, reading);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label title = new Label();
        title.setId("buildTitle");
        title.getStyleClass().add("field-label");
        title.textProperty().bind(job.titleProperty());
        title.setMinWidth(Label.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.setId("buildProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(job.fractionProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label step = new Label();
        step.setId("buildStep");
        step.getStyleClass().add("hint");
        step.textProperty().bind(job.stepProperty());
        HBox titleRow = new HBox(10, title, bar);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox progress = new VBox(2, titleRow, step);
        progress.visibleProperty().bind(job.runningProperty());
        progress.managedProperty().bind(job.runningProperty());
        getChildren().addAll(buttons, progress);
    }
}
