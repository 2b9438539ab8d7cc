package org.featureworkbench.ui.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.WorkbenchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import java.util.concurrent.TimeUnit;

/** The Records tab in the real window: put through the form, look up, delete with confirmation. */
@ExtendWith(ApplicationExtension.class)
class RecordsPageTest {
    @TempDir
    Path workspace;
    WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = WorkbenchFixture.show(workspace, stage, store -> store.createFeatureGroup(Definitions.customers("customers")));
    }

    @AfterEach
    void close() {
        app.close();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void putLookUpAndDeleteARecord(FxRobot robot) throws Exception {
        app.settle();
        robot.clickOn("customers");
        robot.clickOn("Records");
        app.settle();
        Button put = robot.lookup("#putButton").queryButton();
        assertTrue(put.isDisabled(), "no record id yet");

        robot.clickOn("#put-customer_id").write("c42");
        robot.clickOn("#put-age").write("4x");
        assertTrue(text(robot, "#putError-age").contains("not an Integral"), text(robot, "#putError-age"));
        assertTrue(put.isDisabled());
        robot.eraseText(1).write("2");
        assertEquals("", text(robot, "#putError-age"));
        robot.clickOn("#put-score").write("0.5");
        robot.clickOn(put);
        app.settle();
        assertTrue(text(robot, "#putResult").startsWith("c42: Online written: now its newest version; offline queued"),
                text(robot, "#putResult"));
        assertEquals("1", text(robot, "#count-online-records"));

        robot.clickOn("#lookupIds").write("c42, c7").type(KeyCode.ENTER);
        app.settle();
        TableView<RecordRow> table = robot.lookup("#recordsTable").queryTableView();
        assertEquals(1, table.getItems().size());
        assertEquals("42", table.getItems().get(0).values().get("age"));
        assertEquals("Not found: c7 (never written, deleted or expired)", text(robot, "#notFound"));
        assertEquals(42L, app.store.records().getRecord("customers", "c42", null).orElseThrow().value("age"));

        robot.clickOn("c42");
        robot.clickOn("#deleteRecord");
        assertEquals("c42", robot.lookup("#deleteId").queryTextInputControl().getText());
        robot.clickOn("#confirmDelete");
        app.settle();
        assertTrue(table.getItems().isEmpty(), "the deleted record is gone from the results");
        assertTrue(text(robot, "#notFound").contains("c42"));
        assertTrue(text(robot, "#recordsNotice").startsWith("Soft-deleted c42"));
        assertFalse(app.store.records().getRecord("customers", "c42", null).isPresent());
        assertEquals("0", text(robot, "#count-online-records"));
    }

    @Test
    void featuresAddedElsewhereJoinThePutCardAndTheInputBeingTypedInStays(FxRobot robot) throws Exception {
        app.settle();
        robot.clickOn("customers");
        robot.clickOn("Records");
        app.settle();
        robot.clickOn("#put-customer_id").write("c7");
        javafx.scene.control.TextField typedIn = robot.lookup("#put-customer_id").queryAs(javafx.scene.control.TextField.class);
        // As the command line would: the store, not this window.
        app.store.addFeatures("customers", java.util.List.of(new org.featureworkbench.model.FeatureDefinition("segment",
                org.featureworkbench.model.FeatureType.STRING)));
        app.settle();
        assertTrue(robot.lookup("#put-segment").tryQuery().isPresent(), "the new feature has an input");
        assertTrue(typedIn == robot.lookup("#put-customer_id").query(), "the input typed in was kept, not rebuilt");
        assertEquals("c7", typedIn.getText());
        assertTrue(typedIn.isFocused(), "and keeps the focus");
    }

    /** While features are added (H2 copies the table; the new column is dropped here to stand for it). */
    @Test
    void aPutThatWaitsForFeaturesBeingAddedSaysSoInTheCardThenIsWritten(FxRobot robot) throws Exception {
        app.settle();
        app.store.addFeatures("customers", java.util.List.of(new org.featureworkbench.model.FeatureDefinition("segment",
                org.featureworkbench.model.FeatureType.STRING)));
        String table = org.featureworkbench.testing.OnlineTableBehindTheStore.of(app.store, "customers");
        alter(table, "DROP COLUMN \"segment\"");
        app.settle(); // the window has seen the new feature (added "elsewhere": through the store)
        robot.clickOn("customers");
        robot.clickOn("Records");
        app.settle();
        robot.clickOn("#put-customer_id").write("c42");
        robot.clickOn("#put-age").write("42");
        robot.clickOn("#putButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#putResult").contains("waits"));
        assertEquals("The put of record 'c42' waits: features are being added to feature group 'customers', and it is"
                + " done once the online table has them.", text(robot, "#putResult"));
        assertTrue(robot.lookup("#putButton").queryButton().isDisabled(), "no second put while the first waits");
        screenshot(robot, "put-waits.png");
        assertTrue(app.store.records().getRecord("customers", "c42", null).isEmpty(), "not written yet");

        alter(table, "ADD COLUMN \"segment\" VARCHAR"); // the copy is in place
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#putResult").startsWith("c42: Online written"));
        assertEquals(42L, app.store.records().getRecord("customers", "c42", null).orElseThrow().value("age"));
    }

    private void alter(String table, String change) {
        org.featureworkbench.testing.OnlineTableBehindTheStore.alter(workspace, table, change);
    }

    /** With -Dfwb.screenshots=DIR: the main window as a PNG. */
    private static void screenshot(FxRobot robot, String name) throws Exception {
        String out = System.getProperty("fwb.screenshots");
        if (out == null) {
            return;
        }
        java.nio.file.Files.createDirectories(Path.of(out));
        javafx.stage.Window window = robot.listWindows().stream().filter(javafx.stage.Window::isShowing)
                .reduce((a, b) -> b).orElseThrow();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(
                        window.getScene().snapshot(null), null), "png", Path.of(out, name).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
