package org.featureworkbench.ui.dialog;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.featureworkbench.ui.Styles;

/**
 * {@link DialogService} with JavaFX alerts and file choosers, owned by the main window so they
 * stay on top of it and pick up the application stylesheet.
 */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Path logsDirectory;
    private final Consumer<Path> desktopOpener;

    /**
     * @param owner         the window dialogs belong to (looked up lazily: it may not exist yet)
     * @param logsDirectory the folder "Open log folder" shows
     * @param desktopOpener opens a folder or file with the desktop (file manager, default application)
     */
    public FxDialogService(Supplier<Window> owner, Path logsDirectory, Consumer<Path> desktopOpener) {
        this.owner = owner;
        this.logsDirectory = logsDirectory;
        this.desktopOpener = desktopOpener;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType ok = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message, ok, ButtonType.CANCEL);
        return alert.showAndWait().filter(ok::equals).isPresent();
    }

    @Override
    public Optional<Boolean> confirmWithOption(String title, String message, String confirmLabel, String optionLabel) {
        ButtonType ok = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, null, ok, ButtonType.CANCEL);
        CheckBox option = new CheckBox(optionLabel);
        option.setId("confirmOption");
        Label text = new Label(message);
        text.setWrapText(true);
        VBox content = new VBox(12, text, option);
        alert.getDialogPane().setContent(content);
        return alert.showAndWait().filter(ok::equals).map(b -> option.isSelected());
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        ButtonType openLog = new ButtonType("Open log folder", ButtonBar.ButtonData.LEFT);
        Alert alert = alert(Alert.AlertType.ERROR, title, message, ButtonType.OK, openLog);
        if (details != null) {
            TextArea trace = new TextArea(stackTrace(details));
            trace.setEditable(false);
            trace.setPrefRowCount(12);
            // Shown only when the user expands "Show details": the main text stays readable.
            alert.getDialogPane().setExpandableContent(trace);
        }
        // "Open log folder" must not close the dialog, so the user can still read the message.
        alert.getDialogPane().lookupButton(openLog).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            openLogFolder();
        });
        alert.showAndWait();
    }

    private void openLogFolder() {
        try {
            Files.createDirectories(logsDirectory);
            desktopOpener.accept(logsDirectory);
        } catch (Exception e) {
            showInfo("Log folder", "The log files are in " + logsDirectory);
        }
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message, ButtonType.OK).showAndWait();
    }

    @Override
    public void openExternally(Path file) {
        try {
            desktopOpener.accept(file);
        } catch (Exception e) {
            showInfo("Open file", "The file is " + file.toAbsolutePath());
        }
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String description, String extension) {
        FileChooser chooser = chooser(title, description, extension);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialDirectory, String initialName,
                                           String description, String extension) {
        FileChooser chooser = chooser(title, description, extension);
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        chooser.setInitialFileName(initialName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, String description, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(description, extension.split(";")),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return chooser;
    }

    private Alert alert(Alert.AlertType type, String title, String message, ButtonType... buttons) {
        Alert alert = new Alert(type, message == null ? "" : message, buttons);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        Styles.apply(alert.getDialogPane());
        alert.getDialogPane().setMinWidth(460);
        return alert;
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
