package org.featureworkbench.ui;

import java.net.URL;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Loads the application stylesheet and icon from the classpath (the build copies the
 * repository's {@code assets/} folder to {@code /assets} in the jar) and applies them.
 */
public final class Styles {
    private static final String STYLESHEET = "/assets/css/workbench.css";
    private static final String ICON = "/assets/icons/feature-workbench.png";

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
        stage.getIcons().add(iconImage(256));
    }

    /** The application icon scaled to {@code size} pixels. */
    public static Image iconImage(double size) {
        return new Image(resource(ICON).toExternalForm(), size, size, true, true);
    }

    private static URL resource(String name) {
        return Objects.requireNonNull(Styles.class.getResource(name), "missing resource " + name);
    }
}
