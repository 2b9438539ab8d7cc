package org.featureworkbench.ui.datasets;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import org.featureworkbench.ui.WorkbenchFixture;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Clicks and reads on the Datasets page the way a person would, for the page tests and the screenshot tour. */
final class DatasetsPageRobot {
    private final FxRobot robot;
    private final WorkbenchFixture app;

    DatasetsPageRobot(FxRobot robot, WorkbenchFixture app) {
        this.robot = robot;
        this.app = app;
    }

    void open() throws Exception {
        app.settle();
        robot.clickOn("#datasetsEntry");
        app.settle();
    }

    DatasetsViewModel vm() {
        return app.view.datasets();
    }

    /** Scrolls the form so {@code id} is in view, then returns it. */
    Node reveal(String id) {
        Node node = robot.lookup(id).query();
        ScrollPane scroll = robot.lookup("#datasetsForm").queryAs(ScrollPane.class);
        robot.interact(() -> {
            Node content = scroll.getContent();
            Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double hidden = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            if (hidden > 0) {
                double target = inContent.getMinY() - 40;
                scroll.setVvalue(Math.max(0, Math.min(1, target / hidden)));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return node;
    }

    void click(String id) {
        robot.clickOn(reveal(id));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the drop-down and clicks the item with this text. */
    void choose(String comboId, String item) {
        ComboBox<?> combo = (ComboBox<?>) reveal(comboId);
        robot.clickOn(combo);
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup(".combo-box-popup .list-cell").match((ListCell<?> c) -> item.equals(c.getText())).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replaces a text field's text by typing. */
    void type(String id, String text) {
        TextInputControl field = (TextInputControl) reveal(id);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the button with {@code styleClass} in the list's first filled entry (Rebuild, Manifest). */
    void clickInFirstEntry(String styleClass) {
        javafx.scene.control.Button button = robot.lookup("#builtDatasets .list-cell").match((ListCell<?> c) ->
                !c.isEmpty() && c.getIndex() == 0).lookup(styleClass).queryButton();
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Waits until no preview, build or rebuild runs and every background task has delivered. */
    void waitUntilIdle() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm().job().runningProperty().get()
                && !vm().previews().runningProperty().get() && app.executor.runningTasksProperty().get() == 0);
        app.settle();
    }
}
