package org.featureworkbench.ui.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.FilePreview;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.Styles;
import org.featureworkbench.ui.shell.MainView;
import org.featureworkbench.ui.shell.MainViewModel;
import org.featureworkbench.ui.task.FxTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The ingest wizard and the Jobs page in the real window, headless: a scripted file chooser
 * stands in for the native one; everything else (background executor, store) is real.
 */
@ExtendWith(ApplicationExtension.class)
class IngestWizardPageTest {
    @TempDir
    Path workspace;
    FeatureStore store;
    FxTaskExecutor executor = new FxTaskExecutor();
    ScriptedDialogs dialogs = new ScriptedDialogs();
    MainViewModel vm;
    Stage stage;

    @Start
    void start(Stage window) {
        stage = window;
        store = Workspace.open(workspace);
        vm = new MainViewModel(store, executor, dialogs);
        javafx.scene.Scene scene = new javafx.scene.Scene(new MainView(vm), 1280, 860);
        Styles.apply(scene);
        window.setScene(scene);
        window.show();
        vm.refresh();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> new java.util.ArrayList<>(javafx.stage.Window.getWindows())
                .forEach(w -> ((Stage) w).hide()));
        executor.close();
        store.close();
    }

    private void waitFor(FxRobot robot, String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPathTypedIntoTheFileFieldIsReadOnEnter(FxRobot robot) throws Exception {
        Path file = Files.writeString(workspace.resolve("typed.csv"), "visit_id,event_time,pages\n"
                + "v1,2024-05-01T10:00:00Z,3\n");
        robot.clickOn("#newGroupFromFile");
        robot.clickOn("#ingestFilePath").write(file.toString());
        assertEquals(file.toString(), robot.lookup("#ingestFilePath").queryTextInputControl().getText());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(robot, "the preview", () -> robot.lookup("#previewStep").tryQuery().isPresent());
        assertEquals("CSV · delimiter ',' · UTF-8 · 3 columns", robot.lookup("#readingText").queryAs(Label.class).getText());
    }

    @Test
    void aNewGroupFromAFileRunsToTheSummaryAndAppearsOnTheJobsPage(FxRobot robot) throws Exception {
        String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        Path file = Files.writeString(workspace.resolve("visits.csv"), "visit_id,event_time,pages\n"
                + "v1," + now + ",3\nv2," + now + ",x\nv3," + now + ",9\n");
        store.createFeatureGroup(org.featureworkbench.testing.Definitions.customers("orders"));
        dialogs.fileAnswers.push(Optional.of(file));
        robot.clickOn("#newGroupFromFile");
        robot.clickOn("#chooseFile");
        robot.clickOn("#wizardNext");
        waitFor(robot, "the preview", () -> robot.lookup("#previewStep").tryQuery().isPresent());
        TableView<FilePreview.Row> rows = robot.lookup("#previewRows").queryTableView();
        assertEquals(3, rows.getItems().size(), "the first rows of the file");
        assertEquals(4, rows.getColumns().size(), "the line number, then one column per header name");
        assertEquals(2L, rows.getColumns().get(0).getCellObservableValue(0).getValue());
        assertEquals("v1", rows.getColumns().get(1).getCellObservableValue(0).getValue());
        assertEquals("x", rows.getColumns().get(3).getCellObservableValue(1).getValue());
        assertEquals("String", robot.lookup("#previewType-2").queryAs(Label.class).getText(), "'x' made pages a String");
        assertEquals("CSV · delimiter ',' · UTF-8 · 3 columns", robot.lookup("#readingText").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#previewProblemsSection").query().isVisible(), "no problems: the section is hidden");
        TableView<?> columns = robot.lookup("#previewColumns").queryTableView();
        assertEquals(3, columns.getItems().size());
        robot.clickOn("#wizardNext");
        assertEquals("visits", robot.lookup("#newGroupName").queryTextInputControl().getText());
        // A name the workspace already has is said here, where it can still be changed.
        robot.interact(() -> robot.lookup("#newGroupName").queryTextInputControl().setText("orders"));
        assertTrue(robot.lookup("#newGroupNameError").query().isVisible());
        assertTrue(robot.lookup("#newGroupNameError").queryAs(Label.class).getText()
                .startsWith("a feature group named 'orders' already exists"));
        assertTrue(robot.lookup("#wizardNext").queryButton().isDisabled());
        robot.interact(() -> robot.lookup("#newGroupName").queryTextInputControl().setText("visits"));
        assertFalse(robot.lookup("#wizardNext").queryButton().isDisabled());
        // 'x' made inference type pages as String; the user makes it Integral, so that row is rejected.
        robot.interact(() -> robot.lookup("#columnType-2").<org.featureworkbench.model.FeatureType>queryComboBox()
                .setValue(org.featureworkbench.model.FeatureType.INTEGRAL));
        robot.clickOn("#wizardNext");
        robot.clickOn("#wizardNext");
        waitFor(robot, "the summary", () -> robot.lookup("#summaryStep").tryQuery().isPresent());
        assertEquals("3", robot.lookup("#summary-rows-read").queryAs(Label.class).getText());
        assertEquals("1", robot.lookup("#summary-rejected").queryAs(Label.class).getText(), "'x' is not an Integral");
        robot.clickOn("#openRejects");
        assertEquals(1, dialogs.opened.size());
        assertEquals(2, store.records().stats("visits").onlineRecords());
        robot.clickOn("#wizardClose");

        waitFor(robot, "the new group to be shown", () -> vm.find("visits").isPresent());
        robot.clickOn("#jobsEntry");
        waitFor(robot, "the jobs table", () -> robot.lookup("#jobsTable").queryTableView().getItems().size() == 1);
        TableView<JobRow> jobs = robot.lookup("#jobsTable").queryTableView();
        assertEquals("SUCCEEDED", jobs.getItems().get(0).state().name());
        robot.clickOn("visits.csv");
        assertTrue(robot.lookup("#jobDetails").queryAs(Label.class).getText().contains("Finished: 3 read"),
                robot.lookup("#jobDetails").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#cancelJob").queryButton().isDisabled(), "a finished job cannot be cancelled");
    }

    @Test
    void columnsTheGroupLacksAreAddedAsFeaturesFromTheMappingStep(FxRobot robot) throws Exception {
        store.createFeatureGroup(org.featureworkbench.testing.Definitions.customers("customers"));
        robot.clickOn("#refresh");
        waitFor(robot, "the group", () -> vm.find("customers").isPresent());
        String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        Path file = Files.writeString(workspace.resolve("customers_updated.csv"),
                "customer_id,event_time,age,email\nc1," + now + ",30,ann@example.com\n");
        robot.clickOn("customers");
        robot.clickOn("#ingestFile");
        robot.clickOn("#ingestFilePath").write(file.toString());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(robot, "the preview", () -> robot.lookup("#previewStep").tryQuery().isPresent());
        robot.clickOn("#wizardNext");
        assertEquals("Columns not in the group, ignored: email",
                robot.lookup("#unmappedColumns").queryAs(Label.class).getText());

        robot.clickOn("#addNewColumns");
        waitFor(robot, "the features to be added",
                () -> robot.lookup("#addNewColumnsResult").queryAs(Label.class).getText().startsWith("Added"));
        assertEquals("Added email (String) to customers; this ingest keeps its column.",
                robot.lookup("#addNewColumnsResult").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#addNewColumns").query().isVisible(), "no column left to add");
        assertEquals(5, vm.find("customers").orElseThrow().features().size(), "the sidebar knows the new feature");
        robot.clickOn("#wizardNext");
        robot.clickOn("#wizardNext");
        waitFor(robot, "the summary", () -> robot.lookup("#summaryStep").tryQuery().isPresent());
        assertEquals("ann@example.com", store.records().getRecord("customers", "c1", null).orElseThrow().value("email"));
    }
}
