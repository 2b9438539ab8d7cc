package org.featureworkbench.ui.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.featureworkbench.health.Finding;
import org.featureworkbench.model.Record;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.WorkbenchFixture;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Check workspace page in the real window, headless: check, see the finding, repair through the dialog. */
@ExtendWith(ApplicationExtension.class)
class HealthPageTest {
    @TempDir
    static Path root;
    WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        Path workspace = root.resolve("ws");
        app = WorkbenchFixture.show(workspace, stage, store -> {
            store.createFeatureGroup(Definitions.customers("customers"));
            store.records().putRecord("customers", Record.builder().put("customer_id", "c1")
                    .put("event_time", "2030-01-01T00:00:00Z").put("age", "41").build(), null, null);
            store.records().flush("customers");
            try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(workspace), "fwb", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP TABLE \"FWB_ONLINE_customers_" + store.describeFeatureGroup("customers")
                        .creationTime().getEpochSecond() + "\"");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void checkListsTheDamageAndRepairClearsIt(FxRobot robot) throws Exception {
        app.settle();
        robot.interact(() -> robot.lookup("#healthEntry").queryButton().fire());
        assertTrue(robot.lookup("#healthPage").query().isVisible());
        assertTrue(robot.lookup("#repairWorkspace").queryButton().isDisabled(), "nothing to repair before a check");

        robot.interact(() -> robot.lookup("#checkWorkspace").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#repairWorkspace").queryButton().isDisabled());
        ListView<Finding> findings = robot.lookup("#healthFindings").queryListView();
        assertEquals(Finding.Kind.ONLINE_TABLE_MISSING, findings.getItems().get(0).kind());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(n -> n instanceof Label l && l.isVisible()
                && "the online table of feature group 'customers' is missing".equals(l.getText())).tryQuery().isPresent(),
                "the finding is shown in words");

        // Later, not inside interact: the confirmation waits in its own event loop until it is answered.
        javafx.application.Platform.runLater(() -> robot.lookup("#repairWorkspace").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogButton(robot) != null);
        robot.interact(() -> dialogButton(robot).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> findings.getItems().isEmpty()
                && robot.lookup("#repairLines").tryQuery().map(Node::isVisible).orElse(false));
        Label summary = robot.lookup("#healthSummary").queryAs(Label.class);
        assertTrue(summary.getText().startsWith("No damage found"), summary.getText());
        assertFalse(app.store.health().check().damaged());
    }

    /** The confirmation dialog's "Repair" button (not the page's). */
    private static Button dialogButton(FxRobot robot) {
        return robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && "Repair".equals(b.getText()))
                .tryQuery().map(Button.class::cast).orElse(null);
    }
}
