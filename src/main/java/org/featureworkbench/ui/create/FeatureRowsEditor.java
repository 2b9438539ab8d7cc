package org.featureworkbench.ui.create;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.model.FeatureType;

/**
 * A small table editor for feature rows: a name field and a type dropdown per row, a remove
 * button, and "Add feature". Rows are rebuilt only when rows are added or removed — never
 * while a name is being typed, which would steal the focus.
 */
public final class FeatureRowsEditor extends VBox {
    private final ObservableList<FeatureRow> rows;
    private final VBox body = new VBox(6);

    public FeatureRowsEditor(ObservableList<FeatureRow> rows) {
        super(8);
        this.rows = rows;
        getStyleClass().add("rows-editor");
        Label nameHeader = new Label("Feature name");
        nameHeader.getStyleClass().add("column-header");
        nameHeader.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(nameHeader, Priority.ALWAYS);
        Label typeHeader = new Label("Type");
        typeHeader.getStyleClass().add("column-header");
        typeHeader.setPrefWidth(150);
        HBox header = new HBox(8, nameHeader, typeHeader, spacerFor());
        Button add = new Button("+ Add feature");
        add.setId("addFeatureRow");
        add.getStyleClass().add("flat");
        add.setOnAction(e -> {
            rows.add(new FeatureRow());
            focusLastName();
        });
        getChildren().addAll(header, body, add);
        rows.addListener((ListChangeListener<FeatureRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    rebuild();
                    return;
                }
            }
        });
        rebuild();
    }

    private static Label spacerFor() {
        Label spacer = new Label();
        spacer.setMinWidth(32);
        return spacer;
    }

    private void rebuild() {
        body.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            body.getChildren().add(rowNode(rows.get(i), i));
        }
    }

    private HBox rowNode(FeatureRow row, int index) {
        TextField name = new TextField();
        name.setId("featureName-" + index);
        name.setPromptText(index == 0 ? "e.g. customer_id" : "feature name");
        name.textProperty().bindBidirectional(row.nameProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        ComboBox<FeatureType> type = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(FeatureType.values()));
        type.setId("featureType-" + index);
        type.setPrefWidth(150);
        type.valueProperty().bindBidirectional(row.typeProperty());
        Button remove = new Button("✕");
        remove.setId("removeFeature-" + index);
        remove.getStyleClass().addAll("flat", "icon-button");
        remove.setTooltip(new Tooltip("Remove this feature"));
        remove.setMinWidth(32);
        remove.setOnAction(e -> rows.remove(row));
        HBox node = new HBox(8, name, type, remove);
        node.setAlignment(Pos.CENTER_LEFT);
        return node;
    }

    private void focusLastName() {
        if (!body.getChildren().isEmpty()) {
            ((HBox) body.getChildren().get(body.getChildren().size() - 1)).getChildren().get(0).requestFocus();
        }
    }
}
