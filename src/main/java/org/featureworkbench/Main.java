package org.featureworkbench;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import org.featureworkbench.cli.Cli;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.workspace.Workspace;

/**
 * The jar's entry point: {@code java -jar feature-workbench.jar [--workspace DIR] [COMMAND …]}.
 * A command runs the CLI and exits with its code; no command opens the GUI.
 *
 * <p>Deliberately free of JavaFX imports: the GUI is reached by class name, so the CLI starts
 * without loading JavaFX (fast cold start) and this class never depends on the {@code ui} package.
 */
public final class Main {
    private static final String GUI_LAUNCHER = "org.featureworkbench.ui.GuiLauncher";
    private static volatile boolean guiStarted;

    private Main() {
    }

    public static void main(String[] args) {
        int code = new Cli(Workspace::open, Main::launchGui).execute(args, System.out, System.err);
        // After the GUI ran, let the JVM end when the GUI's threads do; System.exit would cut
        // short a launcher that returns before its window closes.
        if (!guiStarted || code != 0) {
            System.exit(code);
        }
    }

    private static void launchGui(Path workspaceDirectory) {
        try {
            Class<?> launcher = Class.forName(GUI_LAUNCHER);
            guiStarted = true;
            launcher.getMethod("launch", Path.class).invoke(null, workspaceDirectory);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new FeatureStoreException("this build has no GUI (" + GUI_LAUNCHER
                    + ".launch(Path) not found); run a command instead, see --help", e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(GUI_LAUNCHER + ".launch is not public", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new FeatureStoreException("the GUI failed to start: " + e.getCause(), e.getCause());
        }
    }
}
