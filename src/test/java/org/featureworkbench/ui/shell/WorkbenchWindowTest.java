package org.featureworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.featureworkbench.core.HeldIngest;
import org.featureworkbench.database.WaitNotices;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.WorkbenchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Clicks through the real window on a real workspace, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
    @TempDir
    static Path root;
    static int counter;
    WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        // One fresh workspace per test; a test that needs groups names them in its own name.
        Path workspace = root.resolve("ws" + (++counter));
        app = WorkbenchFixture.show(workspace, stage, store -> { });
    }

    @AfterEach
    void close() {
        app.close();
    }

    private List<String> sidebarNames(FxRobot robot) {
        ListView<FeatureGroup> list = robot.lookup("#groupList").queryListView();
        return list.getItems().stream().map(FeatureGroup::name).toList();
    }

    private void createInStore(FxRobot robot, String... names) throws Exception {
        for (String name : names) {
            app.store.createFeatureGroup(Definitions.customers(name).withTags(Map.of("team", name + "-team")));
        }
        robot.clickOn("#refresh");
        app.settle();
    }

    @Test
    void createAGroupFromTheEmptyStateWithInlineValidation(FxRobot robot) throws Exception {
        app.settle();
        assertTrue(robot.lookup("#emptyState").query().isVisible());
        robot.clickOn("#emptyNewGroup");
        robot.clickOn("#groupName").write("../x");
        Button create = robot.lookup("#createButton").queryButton();
        Label nameError = robot.lookup("#nameError").queryAs(Label.class);
        assertTrue(nameError.getText().contains("'../x' is not a valid feature group name"), nameError.getText());
        assertTrue(nameError.isVisible());
        assertTrue(create.isDisabled());

        robot.clickOn("#featureName-0").write("customer_id");
        robot.clickOn("#addFeatureRow");
        robot.clickOn("#featureName-1").write("event_time");
        robot.clickOn("#addFeatureRow");
        robot.clickOn("#featureName-2").write("age");
        ComboBox<String> recordId = robot.lookup("#recordIdPicker").queryComboBox();
        ComboBox<String> eventTime = robot.lookup("#eventTimePicker").queryComboBox();
        assertEquals(List.of("customer_id", "event_time", "age"), recordId.getItems());
        robot.interact(() -> {
            recordId.getSelectionModel().select("customer_id");
            eventTime.getSelectionModel().select("event_time");
        });
        assertTrue(create.isDisabled(), "the name is still invalid");

        robot.doubleClickOn("#groupName").eraseText(4).write("customers");
        assertEquals("", nameError.getText());
        assertFalse(create.isDisabled());
        robot.clickOn(create);
        app.settle();

        assertEquals(List.of("customers"), sidebarNames(robot));
        assertEquals("customers", robot.lookup("#groupTitle").queryLabeled().getText());
        TableView<?> features = robot.lookup("#featureTable").queryTableView();
        assertEquals(3, features.getItems().size());
        assertFalse(robot.lookup("#emptyState").query().isVisible());
        assertTrue(app.store.findFeatureGroup("customers").isPresent());
    }

    @Test
    void aWaitForAnotherProcessIsShownOnTheStatusBar(FxRobot robot) throws Exception {
        app.settle();
        assertFalse(robot.lookup("#waitNotice").queryAs(Label.class).isVisible(), "no notice before any wait");
        WaitNotices.publish("waiting for compact customers in process 871 (compact customers, started 22:41:03) to finish");
        app.settle();
        Label notice = robot.lookup("#waitNotice").queryAs(Label.class);
        assertTrue(notice.isVisible());
        assertEquals("waiting for compact customers in process 871 (compact customers, started 22:41:03) to finish",
                notice.getText());
    }

    @Test
    void groupsChangedElsewhereShowWithinSecondsWithoutRefresh(FxRobot robot) throws Exception {
        app.settle();
        // As the command line or a client of the API would: through the store, not this window.
        app.store.createFeatureGroup(Definitions.customers("elsewhere"));
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> sidebarNames(robot).contains("elsewhere"));
        app.settle();
        robot.clickOn("elsewhere");
        app.settle();
        app.store.addFeatures("elsewhere", List.of(new org.featureworkbench.model.FeatureDefinition("segment",
                org.featureworkbench.model.FeatureType.STRING)));
        TableView<?> features = robot.lookup("#featureTable").queryTableView();
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> features.getItems().size() == 5);
        app.settle(); // a change seen while the window's own tasks ran is told at the next check
        Label notice = robot.lookup("#waitNotice").queryAs(Label.class);
        assertTrue(notice.isVisible() && notice.getText().startsWith("Feature group 'elsewhere' was changed elsewhere"),
                notice.getText());

        app.store.deleteFeatureGroup("elsewhere", false);
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> sidebarNames(robot).isEmpty());
        app.settle();
        assertTrue(notice.getText().startsWith("Feature group 'elsewhere' was deleted elsewhere"), notice.getText());
        assertTrue(robot.lookup("#emptyState").query().isVisible(), "the last group gone: the welcome page");
    }

    @Test
    void theExplorePageListsAGroupCreatedElsewhereWhileItIsShown(FxRobot robot) throws Exception {
        createInStore(robot, "customers");
        robot.clickOn("#exploreEntry");
        app.settle();
        javafx.scene.control.TreeView<?> tables = robot.lookup("#tablesTree").queryAs(javafx.scene.control.TreeView.class);
        java.util.function.Supplier<List<String>> shown = () -> tables.getRoot().getChildren().stream()
                .map(item -> String.valueOf(item.getValue())).toList();
        assertFalse(shown.get().stream().anyMatch(n -> n.startsWith("orders")), shown.get().toString());
        app.store.createFeatureGroup(Definitions.customers("orders"));
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> shown.get().stream().anyMatch(n -> n.startsWith("orders")));
    }

    @Test
    void anExistingNameIsReportedInTheDialogNotAsACrash(FxRobot robot) throws Exception {
        createInStore(robot, "taken");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        robot.clickOn("#groupName").write("taken");
        robot.clickOn("#featureName-0").write("id");
        robot.clickOn("#addFeatureRow");
        robot.clickOn("#featureName-1").write("ts");
        robot.interact(() -> {
            robot.lookup("#recordIdPicker").<String>queryComboBox().getSelectionModel().select("id");
            robot.lookup("#eventTimePicker").<String>queryComboBox().getSelectionModel().select("ts");
        });
        robot.clickOn("#createButton");
        app.settle();
        Label nameError = robot.lookup("#nameError").queryAs(Label.class);
        assertTrue(nameError.getText().contains("taken"), nameError.getText());
        assertTrue(robot.lookup("#createButton").queryButton().isDisabled());
        assertEquals(4, app.store.describeFeatureGroup("taken").features().size(), "the existing group is untouched");
        robot.clickOn("Cancel");
    }

    @Test
    void liveSearchFiltersTheSidebarAndCtrlFFocusesIt(FxRobot robot) throws Exception {
        createInStore(robot, "customers", "orders", "payments");
        robot.clickOn("#groupList");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        TextField search = robot.lookup("#searchGroups").queryAs(TextField.class);
        assertTrue(search.isFocused());
        robot.write("orders-te");
        assertEquals(List.of("orders"), sidebarNames(robot));
        assertEquals("1 of 3 feature groups match", robot.lookup("#groupCount").queryLabeled().getText());
        robot.eraseText(9).write("score");
        assertEquals(List.of("customers", "orders", "payments"), sidebarNames(robot));
        robot.eraseText(5).write("nothing");
        assertTrue(sidebarNames(robot).isEmpty());
    }

    @Test
    void deleteAsksForConfirmationAndRemovesTheGroup(FxRobot robot) throws Exception {
        createInStore(robot, "customers");
        robot.clickOn("customers");
        assertEquals("customers", robot.lookup("#groupTitle").queryLabeled().getText());
        robot.clickOn("#deleteGroup");
        robot.clickOn("Cancel");
        app.settle();
        assertTrue(app.store.findFeatureGroup("customers").isPresent(), "cancel keeps the group");

        robot.clickOn("#deleteGroup");
        Node confirm = robot.lookup(".button").match(n -> n instanceof Button b && b.getText().equals("Delete")).query();
        robot.clickOn(confirm);
        app.settle();
        assertFalse(app.store.findFeatureGroup("customers").isPresent());
        assertTrue(sidebarNames(robot).isEmpty());
        assertTrue(robot.lookup("#emptyState").query().isVisible());
    }

    @Test
    void addFeaturesWhileAnIngestRunsIsRefusedInTheDialogAndWorksOnceItEnded(FxRobot robot) throws Exception {
        createInStore(robot, "customers");
        Path file = java.nio.file.Files.writeString(root.resolve("held-" + counter + ".csv"),
                "customer_id,event_time,age,score\nc1,2024-05-01T12:00:00Z,41,0.5\n");
        try (HeldIngest ingest = HeldIngest.start(app.store, "customers", file)) {
            robot.clickOn("customers");
            robot.clickOn("#addFeatures");
            robot.clickOn("#featureName-0").write("segment");
            robot.clickOn("#addFeaturesButton");
            app.settle();
            Label error = robot.lookup("#addSubmitError").queryAs(Label.class);
            assertTrue(error.isVisible() && error.getText().startsWith("cannot add features to feature group"
                    + " 'customers': ingest ") && error.getText().contains("Nothing was changed"), error.getText());
            assertTrue(error.getHeight() >= error.prefHeight(error.getWidth()) - 1, "every line of the message shows");
            assertEquals(2, robot.listWindows().stream().filter(Window::isShowing).count(), "the dialog stays open");
            assertFalse(robot.lookup("#addFeaturesButton").queryButton().isDisabled(), "Add can be clicked again");
            screenshot(robot, "add-features-refused.png");
            assertEquals(4, app.store.describeFeatureGroup("customers").features().size());

            assertEquals(1, ingest.finish().writtenOnline());
            robot.clickOn("#addFeaturesButton");
            app.settle();
        }
        assertEquals(1, robot.listWindows().stream().filter(Window::isShowing).count(), "the dialog closed");
        assertEquals(5, app.store.describeFeatureGroup("customers").features().size());
    }

    /** With -Dfwb.screenshots=DIR: the focused window (the dialog) as a PNG. */
    private static void screenshot(FxRobot robot, String name) throws Exception {
        String out = System.getProperty("fwb.screenshots");
        if (out == null) {
            return;
        }
        java.nio.file.Files.createDirectories(Path.of(out));
        Window window = robot.listWindows().stream().filter(Window::isShowing).reduce((a, b) -> b).orElseThrow();
        org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(
                        window.getScene().snapshot(null), null), "png", Path.of(out, name).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void addFeaturesAppendsRowsToTheFeatureTable(FxRobot robot) throws Exception {
        createInStore(robot, "customers");
        robot.clickOn("customers");
        robot.clickOn("#addFeatures");
        Button add = robot.lookup("#addFeaturesButton").queryButton();
        robot.clickOn("#featureName-0").write("age");
        assertTrue(add.isDisabled(), "an existing name cannot be added");
        assertTrue(robot.lookup("#additionsError").queryLabeled().getText().contains("already exists"));
        robot.eraseText(3).write("segment");
        assertFalse(add.isDisabled());
        robot.clickOn(add);
        app.settle();
        assertTrue(robot.listWindows().stream().filter(Window::isShowing).count() == 1, "the dialog closed");
        TableView<?> features = robot.lookup("#featureTable").queryTableView();
        assertEquals(5, features.getItems().size());
        assertEquals(5, app.store.describeFeatureGroup("customers").features().size());
    }

    @Test
    void tagsAndFeatureMetadataAreEditedOnTheGroupPage(FxRobot robot) throws Exception {
        createInStore(robot, "customers");
        robot.clickOn("customers");
        robot.clickOn("#newTagKey").write("domain");
        robot.clickOn("#newTagValue").write("marketing");
        robot.clickOn("#addTagButton");
        app.settle();
        assertEquals("marketing", app.store.describeFeatureGroup("customers").definition().tags().get("domain"));

        robot.clickOn("age");
        robot.clickOn("#featureDescription").write("Age in years");
        robot.clickOn("#saveDescription");
        app.settle();
        assertEquals("Age in years", app.store.describeFeatureGroup("customers").definition()
                .feature("age").orElseThrow().description());
        TableView<?> features = robot.lookup("#featureTable").queryTableView();
        assertEquals("age", ((org.featureworkbench.model.FeatureDefinition) features.getSelectionModel()
                .getSelectedItem()).name(), "the edited feature stays selected");
    }
}
