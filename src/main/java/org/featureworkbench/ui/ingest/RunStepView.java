package org.featureworkbench.ui.ingest;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.FormLayout;

/** Step 5: the running job's progress bar, counts, rate and ETA, and Cancel. */
final class RunStepView extends VBox {

    RunStepView(IngestRunViewModel vm) {
        super(14);
        setId("runStep");
        Label state = new Label();
        state.setId("runState");
        state.getStyleClass().add("section-title");
        state.textProperty().bind(vm.stateTextProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("ingestProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefHeight(18);
        bar.progressProperty().bind(vm.fractionProperty());
        Label percent = new Label();
        percent.getStyleClass().add("muted");
        percent.textProperty().bind(Bindings.format("%.0f %% of the file", vm.fractionProperty().multiply(100)));
        Label counts = new Label();
        counts.setId("runCounts");
        counts.getStyleClass().add("count-value");
        counts.textProperty().bind(vm.countsTextProperty());
        Label rate = new Label();
        rate.setId("runRate");
        rate.textProperty().bind(vm.rateTextProperty());
        Button cancel = new Button("Cancel ingest");
        cancel.setId("cancelIngest");
        cancel.getStyleClass().add("danger");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.stateProperty().get() == null
                || vm.stateProperty().get().finished(), vm.stateProperty()));
        Label hint = new Label("Closing this window does not stop the ingest; follow it on the Jobs page.");
        hint.getStyleClass().add("hint");
        getChildren().addAll(FormLayout.section("Progress", null, state, bar, percent), counts, rate, cancel, hint);
    }
}
