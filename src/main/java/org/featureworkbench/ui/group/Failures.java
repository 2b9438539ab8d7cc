package org.featureworkbench.ui.group;

import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.ui.dialog.DialogService;

/**
 * Routes a failed store call: a {@link FeatureStoreException} is the user's to fix (bad name,
 * too many parameters…) and its message is written to an inline property next to the input;
 * anything else is unexpected and gets the error dialog with details and the log folder.
 */
public final class Failures {
    private Failures() {
    }

    /** A failure handler that writes expected errors to {@code inline} and reports the rest. */
    public static Consumer<Throwable> inline(StringProperty inline, DialogService dialogs, String action) {
        return e -> {
            if (e instanceof FeatureStoreException) {
                inline.set(e.getMessage());
            } else {
                dialogs.showError("Could not " + action, "Feature Workbench could not " + action
                        + ". Nothing was changed. The details below help when reporting the problem.", e);
            }
        };
    }

    /** A failure handler that always shows the error dialog, using the store's message when it has one. */
    public static Consumer<Throwable> dialog(DialogService dialogs, String action) {
        return e -> dialogs.showError("Could not " + action, e instanceof FeatureStoreException
                ? e.getMessage()
                : "Feature Workbench could not " + action + ". The details below help when reporting the problem.", e);
    }
}
