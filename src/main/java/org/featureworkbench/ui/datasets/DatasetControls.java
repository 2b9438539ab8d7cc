package org.featureworkbench.ui.datasets;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.InlineValidation;

/** Small builders the Datasets page's cards share, so its fields look and behave alike. */
final class DatasetControls {
    /** The width of field labels, so the fields of every card line up. */
    static final double LABEL_WIDTH = 92;

    private DatasetControls() {
    }

    /** Makes {@code card} a white card: a section title, a hint, then the content. */
    static void card(VBox card, String id, String title, String hint, Node... content) {
        VBox section = FormLayout.section(title, hint, content);
        card.setId(id);
        card.getStyleClass().add("card");
        card.setSpacing(8);
        card.getChildren().setAll(section.getChildren());
    }

    /**
     * A drop-down of {@code items} that follows {@code value} both ways. Unlike a bidirectional
     * binding, a value that vanishes with the items it was among (a new preview) stays in the view
     * model: it is the user's choice, and the form then says the column is missing.
     */
    static ComboBox<String> picker(String id, ObservableList<String> items, StringProperty value, String prompt) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setPromptText(prompt);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setValue(value.get());
        value.addListener((o, old, now) -> {
            if (!Objects.equals(box.getValue(), now)) {
                box.setValue(now);
            }
        });
        box.valueProperty().addListener((o, old, now) -> {
            if (now != null && !now.equals(value.get())) {
                value.set(now);
            }
        });
        ListChangeListener<String> keepValue = c -> {
            if (!Objects.equals(box.getValue(), value.get())) {
                box.setValue(value.get());
            }
        };
        // The items outlive the picker (rows are rebuilt): listen weakly, held by the picker itself.
        box.getProperties().put(DatasetControls.class, keepValue);
        items.addListener(new WeakListChangeListener<>(keepValue));
        return box;
    }

    /** One radio button per value, in a row, following {@code value} both ways. */
    static <T> HBox choice(String idPrefix, T[] values, ObjectProperty<T> value, Function<T, String> label) {
        ToggleGroup group = new ToggleGroup();
        HBox row = new HBox(14);
        row.setAlignment(Pos.CENTER_LEFT);
        for (T v : values) {
            RadioButton radio = new RadioButton(label.apply(v));
            radio.setMnemonicParsing(false);
            radio.setId(idPrefix + "-" + v);
            radio.setUserData(v);
            radio.setToggleGroup(group);
            radio.setSelected(Objects.equals(value.get(), v));
            row.getChildren().add(radio);
        }
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now != null) {
                @SuppressWarnings("unchecked")
                T chosen = (T) now.getUserData();
                value.set(chosen);
            }
        });
        value.addListener((o, old, now) -> group.getToggles().stream().filter(t -> Objects.equals(t.getUserData(), now))
                .findFirst().ifPresent(t -> t.setSelected(true)));
        return row;
    }

    /** A bold label for a field, at least {@code width} wide so the fields of a card line up. */
    static Label fieldLabel(String text, double width) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setMinWidth(width);
        label.setPrefWidth(width);
        return label;
    }

    /** A field label for a grid row: at the top of its cell, in line with the field's first line. */
    static Label gridLabel(String text) {
        Label label = fieldLabel(text, LABEL_WIDTH);
        GridPane.setValignment(label, VPos.TOP);
        label.setPadding(new Insets(5, 0, 0, 0));
        return label;
    }

    /** The control with its message underneath (and the red marker on it), as one node. */
    static VBox withMessage(Control control, ReadOnlyStringProperty message, String messageId) {
        Label error = InlineValidation.attach(control, message, messageId);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(2, control, error);
        control.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** A muted one-line note. */
    static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
