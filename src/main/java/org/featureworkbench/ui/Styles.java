package org.featureworkbench.ui;

import java.net.URL;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** Loads the application stylesheet and icon from the classpath and applies them. */
public final class Styles {
    private static final String STYLESHEET = "workbench.css";
    private static final String ICON = "icon.png";

    private Styles() {
    }

    /** The stylesheet URL as JavaFX wants it. */
    public static String stylesheet() {
        return resource(STYLESHEET).toExternalForm();
    }

    /** Adds the stylesheet to a dialog pane or any other root that is shown in its own scene. */
    public static void apply(Parent root) {
        if (!root.getStylesheets().contains(stylesheet())) {
            root.getStylesheets().add(stylesheet());
        }
    }

    /** Adds the stylesheet to a scene. */
    public static void apply(Scene scene) {
        scene.getStylesheets().add(stylesheet());
    }

    /** Sets the application icon on a window. */
    public static void icon(Stage stage) {
        stage.getIcons().add(new Image(resource(ICON).toExternalForm()));
    }

    private static URL resource(String name) {
        return Objects.requireNonNull(Styles.class.getResource(name), "missing resource " + name);
    }
}
