package org.featureworkbench.ui.group;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.InlineValidation;

/** The group's tags as removable chips, and a key/value row to add one. */
final class TagsCard extends VBox {

    TagsCard(GroupDetailViewModel vm) {
        super(10);
        getStyleClass().add("card");
        setId("tagsCard");
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("tagChips");
        Runnable render = () -> {
            chips.getChildren().clear();
            if (vm.tags().isEmpty()) {
                Label none = new Label("No tags yet.");
                none.getStyleClass().add("hint");
                chips.getChildren().add(none);
            }
            for (KeyValue tag : vm.tags()) {
                chips.getChildren().add(chip(tag, vm));
            }
        };
        vm.tags().addListener((ListChangeListener<KeyValue>) c -> render.run());
        render.run();

        TextField key = new TextField();
        key.setId("newTagKey");
        key.setPromptText("key");
        key.textProperty().bindBidirectional(vm.newTagKeyProperty());
        TextField value = new TextField();
        value.setId("newTagValue");
        value.setPromptText("value");
        value.textProperty().bindBidirectional(vm.newTagValueProperty());
        Button add = new Button("Add tag");
        add.setId("addTagButton");
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.setOnAction(e -> vm.addTag());
        value.setOnAction(e -> vm.addTag());
        HBox.setHgrow(key, Priority.ALWAYS);
        HBox.setHgrow(value, Priority.ALWAYS);
        HBox addRow = new HBox(8, key, value, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        Label error = InlineValidation.errorLabel("tagError");
        error.textProperty().bind(vm.tagErrorProperty());
        getChildren().add(FormLayout.section("Tags", "Key/value labels for finding and organising groups.",
                chips, addRow, error));
    }

    private static HBox chip(KeyValue tag, GroupDetailViewModel vm) {
        Label text = new Label(tag.value().isEmpty() ? tag.key() : tag.key() + " = " + tag.value());
        Button remove = new Button("✕");
        remove.getStyleClass().add("chip-remove");
        remove.setTooltip(new Tooltip("Remove tag " + tag.key()));
        remove.setOnAction(e -> vm.removeTag(tag.key()));
        HBox chip = new HBox(4, text, remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("chip");
        return chip;
    }
}
