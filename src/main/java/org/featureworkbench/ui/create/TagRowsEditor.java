package org.featureworkbench.ui.create;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Key/value rows for tags in a form, with add and remove; rebuilt only on add/remove. */
public final class TagRowsEditor extends VBox {
    private final ObservableList<TagRow> rows;
    private final VBox body = new VBox(6);

    public TagRowsEditor(ObservableList<TagRow> rows) {
        super(8);
        this.rows = rows;
        Button add = new Button("+ Add tag");
        add.setId("addTagRow");
        add.getStyleClass().add("flat");
        add.setOnAction(e -> rows.add(new TagRow()));
        getChildren().addAll(body, add);
        rows.addListener((ListChangeListener<TagRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    rebuild();
                    return;
                }
            }
        });
        rebuild();
    }

    private void rebuild() {
        body.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            TagRow row = rows.get(i);
            TextField key = new TextField();
            key.setId("tagKey-" + i);
            key.setPromptText("key, e.g. team");
            key.textProperty().bindBidirectional(row.keyProperty());
            TextField value = new TextField();
            value.setId("tagValue-" + i);
            value.setPromptText("value, e.g. growth");
            value.textProperty().bindBidirectional(row.valueProperty());
            HBox.setHgrow(key, Priority.ALWAYS);
            HBox.setHgrow(value, Priority.ALWAYS);
            Button remove = new Button("✕");
            remove.getStyleClass().addAll("flat", "icon-button");
            remove.setTooltip(new Tooltip("Remove this tag"));
            remove.setMinWidth(32);
            remove.setOnAction(e -> rows.remove(row));
            HBox line = new HBox(8, key, value, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            body.getChildren().add(line);
        }
    }
}
