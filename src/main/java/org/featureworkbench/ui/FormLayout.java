package org.featureworkbench.ui;

import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Small builders for the labelled sections forms are made of, so every form looks alike. */
public final class FormLayout {
    private FormLayout() {
    }

    /** A section: a title, an optional one-line hint, then the content nodes. */
    public static VBox section(String title, String hint, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox box = new VBox(6, heading);
        if (hint != null) {
            Label help = new Label(hint);
            help.getStyleClass().add("hint");
            help.setWrapText(true);
            box.getChildren().add(help);
        }
        box.getChildren().addAll(content);
        return box;
    }

    /** A muted message label that takes no space while empty (import results, store errors). */
    public static Label messageLabel(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        // all of its lines, never one line cut short with "…": a store error says what to do at its end
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }

    /**
     * Grows the dialog's window when {@code message} gets a text while it is showing. A dialog is
     * sized once, when shown; a message that appears later would otherwise push the buttons out of
     * sight.
     */
    public static void fitDialogTo(Dialog<?> dialog, Label message) {
        // on the FX thread: the message is bound to a view model property set there
        message.textProperty().addListener((obs, old, text) -> sizeToScene(dialog));
    }

    /**
     * Grows the dialog's window when a row is added to {@code rows} while it is showing. Call it
     * after the editor that shows the rows listens to them: list listeners run in the order they
     * were added, and the new row's node must exist before the size is taken.
     */
    public static void fitDialogToRows(Dialog<?> dialog, javafx.collections.ObservableList<?> rows) {
        rows.addListener((javafx.collections.ListChangeListener<Object>) change -> {
            boolean added = false;
            while (change.next()) {
                added |= change.wasAdded() && !change.wasUpdated();
            }
            if (added) {
                sizeToScene(dialog);
            }
        });
    }

    private static void sizeToScene(Dialog<?> dialog) {
        Window window = dialog.getDialogPane().getScene() == null ? null
                : dialog.getDialogPane().getScene().getWindow();
        if (window != null && window.isShowing()) {
            // Not "grow only": on X11 a window's size follows a resize asynchronously, so its size
            // read right after sizeToScene() is stale, and setting it back fought the resize.
            window.sizeToScene();
        }
    }
}
