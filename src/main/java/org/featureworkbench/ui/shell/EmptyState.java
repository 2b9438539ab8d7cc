package org.featureworkbench.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.Styles;

/** The welcome page shown while the workspace has no feature groups. */
final class EmptyState extends VBox {

    EmptyState(MainViewModel vm, Runnable newGroup, Runnable newGroupFromFile) {
        super(14);
        setId("emptyState");
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        ImageView icon = new ImageView(Styles.iconImage(72));
        Label title = new Label("No feature groups yet — create one or load the sample data");
        title.getStyleClass().add("empty-title");
        title.setWrapText(true);
        Label hint = new Label("A feature group is a table of features about one kind of entity, such as "
                + "customers or orders. Each record has an identifier and an event time.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        hint.setAlignment(Pos.CENTER);
        hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Button create = new Button("New feature group");
        create.setId("emptyNewGroup");
        create.getStyleClass().add("accent");
        create.setOnAction(e -> newGroup.run());
        Button fromFile = new Button("New group from file…");
        fromFile.setId("emptyNewGroupFromFile");
        fromFile.setOnAction(e -> newGroupFromFile.run());
        Button sample = new Button("Load sample data");
        sample.setId("loadSampleData");
        sample.setOnAction(e -> vm.loadSampleData());
        sample.disableProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(10, create, fromFile, sample);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(icon, title, hint, buttons);
    }
}
