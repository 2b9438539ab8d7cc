package org.featureworkbench.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.featureworkbench.ui.dialog.DialogService;

/**
 * A {@link DialogService} whose answers a test scripts in advance and whose messages it can
 * read back afterwards. It stands in for the user, not for the store.
 */
public final class ScriptedDialogs implements DialogService {
    public final Deque<Optional<Boolean>> confirmAnswers = new ArrayDeque<>();
    public final Deque<Optional<Path>> fileAnswers = new ArrayDeque<>();
    public final List<String> infos = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<Path> opened = new ArrayList<>();

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return confirmAnswers.pop().isPresent();
    }

    @Override
    public Optional<Boolean> confirmWithOption(String title, String message, String confirmLabel, String optionLabel) {
        return confirmAnswers.pop();
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(message);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String description, String extension) {
        return fileAnswers.pop();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialDirectory, String initialName,
                                           String description, String extension) {
        return fileAnswers.pop();
    }

    @Override
    public void openExternally(Path file) {
        opened.add(file);
    }
}
