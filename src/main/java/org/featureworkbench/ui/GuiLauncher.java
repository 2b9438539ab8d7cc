package org.featureworkbench.ui;

import java.nio.file.Path;
import javafx.application.Application;

/**
 * Starts the GUI from the jar's {@code Main}. It is deliberately not the {@code Application}
 * subclass: on a plain classpath JavaFX refuses to start when the main class extends it.
 */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    /**
     * Opens the workbench on {@code workspaceDirectory} and returns when the window is closed.
     * Must be called at most once per JVM, from a thread that is not the JavaFX thread.
     */
    public static void launch(Path workspaceDirectory) {
        WorkbenchApp.useWorkspace(workspaceDirectory);
        Application.launch(WorkbenchApp.class);
    }
}
