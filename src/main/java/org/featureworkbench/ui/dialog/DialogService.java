package org.featureworkbench.ui.dialog;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything a view model may ask the user, without knowing about windows. The JavaFX
 * implementation is {@link FxDialogService}; view-model tests pass a scripted one.
 * All methods are called on the UI thread and block until the user answers.
 */
public interface DialogService {

    /** Asks a yes/no question; true when the user pressed {@code confirmLabel}. */
    boolean confirm(String title, String message, String confirmLabel);

    /**
     * Asks for confirmation with one extra checkbox (e.g. "also delete offline files").
     *
     * @return empty when cancelled, otherwise whether the checkbox was ticked
     */
    Optional<Boolean> confirmWithOption(String title, String message, String confirmLabel, String optionLabel);

    /**
     * Shows an error: {@code message} is the plain-language main text; the technical details
     * (the exception chain) sit behind a "Show details" expander next to an "Open log folder"
     * button — never as the main text.
     */
    void showError(String title, String message, Throwable details);

    /** Shows a short informational message. */
    void showInfo(String title, String message);

    /**
     * Lets the user pick an existing file; {@code extension} like {@code "*.json"}, or several
     * separated by {@code ;} ({@code "*.csv;*.parquet"}).
     */
    Optional<Path> chooseFileToOpen(String title, String description, String extension);

    /** Lets the user choose where to save, starting in {@code initialDirectory} with {@code initialName}. */
    Optional<Path> chooseFileToSave(String title, Path initialDirectory, String initialName,
                                    String description, String extension);

    /** Opens a file with the desktop's default application (e.g. a rejects CSV in a spreadsheet). */
    void openExternally(Path file);
}
