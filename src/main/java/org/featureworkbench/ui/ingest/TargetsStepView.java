package org.featureworkbench.ui.ingest;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.core.IngestRequest.OnError;
import org.featureworkbench.ui.FormLayout;

/** Step 4: stores, on-error policy, rejects file. */
final class TargetsStepView extends VBox {

    TargetsStepView(TargetsStepViewModel vm, boolean newGroup) {
        super(18);
        setId("targetsStep");
        CheckBox online = new CheckBox("Online store — the newest version of each record, for lookups");
        online.setId("targetOnline");
        online.selectedProperty().bindBidirectional(vm.onlineProperty());
        online.disableProperty().bind(vm.onlineAvailableProperty().not());
        CheckBox offline = new CheckBox("Offline store — every version, as Parquet history");
        offline.setId("targetOffline");
        offline.selectedProperty().bindBidirectional(vm.offlineProperty());
        offline.disableProperty().bind(vm.offlineAvailableProperty().not());
        Label storesError = FormLayout.messageLabel("targetsError", "field-error");
        storesError.textProperty().bind(vm.problemProperty());

        ToggleGroup policy = new ToggleGroup();
        RadioButton skip = new RadioButton("Skip bad rows — store the good ones, put the bad ones in the rejects file");
        skip.setId("onErrorSkip");
        skip.setToggleGroup(policy);
        RadioButton fail = new RadioButton("Fail — check every row first; if any is bad, write nothing at all");
        fail.setId("onErrorFail");
        fail.setToggleGroup(policy);
        policy.selectToggle(vm.onErrorProperty().get() == OnError.FAIL ? fail : skip);
        policy.selectedToggleProperty().addListener((o, a, now) -> vm.onErrorProperty().set(now == fail ? OnError.FAIL : OnError.SKIP));

        Label rejects = new Label();
        rejects.setId("rejectsPath");
        rejects.setWrapText(true);
        rejects.textProperty().bind(vm.rejectsTextProperty());
        rejects.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(rejects, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("chooseRejects");
        choose.setOnAction(e -> vm.chooseRejectsFile());
        Button reset = new Button("Default");
        reset.setOnAction(e -> vm.useDefaultRejectsFile());
        reset.disableProperty().bind(vm.rejectsFileProperty().isNull());
        // The buttons keep their labels; the wrapping path gives way.
        choose.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reset.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox rejectsRow = new HBox(8, rejects, choose, reset);

        getChildren().addAll(
                FormLayout.section("Stores", newGroup ? "The new group gets the stores you tick."
                        : "Only the stores this group has can be written.", online, offline, storesError),
                FormLayout.section("When a row cannot be stored", null, skip, fail),
                FormLayout.section("Rejects file", "A CSV with each rejected row's line number, text and reason.",
                        rejectsRow));
    }
}
