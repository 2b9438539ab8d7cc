package org.featureworkbench.ui.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {
    @TempDir
    Path logs;
    Stage stage;
    final List<Path> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    private FxDialogService dialogs() {
        return new FxDialogService(() -> stage, logs, opened::add);
    }

    @Test
    void anErrorShowsThePlainMessageWithTheTraceOnlyBehindShowDetails(FxRobot robot) {
        FxDialogService dialogs = dialogs();
        // asyncFx, not interact: the dialog blocks in showAndWait until the robot answers it.
        WaitForAsyncUtils.asyncFx(() -> dialogs.showError("Could not export",
                "The file could not be written.", new IllegalStateException("disk full")));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("The file could not be written.", pane.getContentText());
        assertFalse(pane.isExpanded(), "details are collapsed at first");
        assertTrue(((TextArea) pane.getExpandableContent()).getText().contains("IllegalStateException: disk full"));

        robot.clickOn("Open log folder");
        assertEquals(List.of(logs), opened);
        assertTrue(pane.getScene().getWindow().isShowing(), "opening the log folder keeps the message on screen");
        robot.clickOn("OK");
    }

    @Test
    void confirmWithOptionReportsTheCheckboxOrEmptyWhenCancelled(FxRobot robot) {
        FxDialogService dialogs = dialogs();
        AtomicReference<Optional<Boolean>> answer = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> answer.set(
                dialogs.confirmWithOption("Delete x?", "Really?", "Delete", "Also delete files")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#confirmOption").queryAs(CheckBox.class));
        robot.clickOn("Delete");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.of(true), answer.get());

        WaitForAsyncUtils.asyncFx(() -> answer.set(
                dialogs.confirmWithOption("Delete x?", "Really?", "Delete", "Also delete files")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.empty(), answer.get());
    }
}
