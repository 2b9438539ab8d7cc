package org.featureworkbench.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Shows a view model's message for one input twice: as a ControlsFX error decoration on the
 * control (the red marker with the message as tooltip) and as a small red line under it, so
 * the reason is readable without hovering. An empty message clears both.
 */
public final class InlineValidation {
    private static final GraphicValidationDecoration DECORATION = new GraphicValidationDecoration();

    private InlineValidation() {
    }

    /**
     * Binds {@code message} to {@code control} and returns the label to place under it.
     *
     * @param id the label's node id, for tests and styling
     */
    public static Label attach(Control control, ObservableStringValue message, String id) {
        Label label = errorLabel(id);
        label.textProperty().bind(message);
        Runnable update = () -> {
            DECORATION.removeDecorations(control);
            String text = message.get();
            // Decorations live in the scene's decoration layer, so wait until the control has one.
            if (text != null && !text.isEmpty() && control.getScene() != null) {
                DECORATION.applyValidationDecoration(ValidationMessage.error(control, text));
            }
        };
        message.addListener((obs, old, now) -> update.run());
        control.sceneProperty().addListener((obs, old, now) -> update.run());
        return label;
    }

    /** A red, wrapping message label that takes no space while empty. */
    public static Label errorLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }
}
