package org.featureworkbench.ui.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.Record;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryOptions;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.testing.Definitions;
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
 * The GUI's repair into a new database file (what Repair offers when pages cannot be read): the
 * open store closes, the file is set aside and rebuilt in the background while the window shows
 * a progress line, the report is shown, and the workspace opens again on the new file.
 */
@ExtendWith(ApplicationExtension.class)
class NewDatabaseRepairTest {
    @TempDir
    static Path root;
    Path workspace;
    Stage stage;
    FeatureStore open;
    final AtomicReference<FeatureStore> reopened = new AtomicReference<>();
    QueryResult shownResult;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workspace = root.resolve("ws");
        open = Workspace.open(workspace);
        open.createFeatureGroup(Definitions.customers("customers"));
        open.records().putRecord("customers", Record.builder().put("customer_id", "c1")
                .put("event_time", "2030-01-01T00:00:00Z").put("age", "41").build(), null, null);
        open.records().flush("customers");
        // As the Explore page does: its shown result stays open until the page runs another query.
        shownResult = open.query().run("SELECT * FROM customers", QueryOptions.DEFAULT, new QueryCancellation());
        stage.show();
    }

    @AfterEach
    void close() {
        if (reopened.get() != null) {
            reopened.get().close();
        }
    }

    @Test
    void theWindowClosesTheStoreRepairsIntoANewFileAndReopens(FxRobot robot) throws Exception {
        Path file = workspace.resolve("online").resolve("workbench.mv.db");
        Platform.runLater(() -> DamagedDatabaseStartup.repairAndReopen(stage, workspace, open::close, reopened::set));
        WaitForAsyncUtils.waitForFxEvents();
        // The FX thread is free while the repair runs: the progress line was put up and events flow.
        assertTrue(robot.lookup(n -> n instanceof ProgressIndicator).tryQuery().isPresent()
                || okButton(robot) != null, "a progress line, or already the report");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> okButton(robot) != null);
        robot.interact(() -> okButton(robot).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reopened.get() != null);

        FeatureStore store = reopened.get();
        assertEquals(41L, store.records().getRecord("customers", "c1", null).orElseThrow().values().get("age"),
                "rebuilt from the offline store");
        assertFalse(store.health().check().damaged());
        try (QueryResult count = store.query().run("SELECT count(*) FROM customers", QueryOptions.DEFAULT,
                new QueryCancellation())) {
            assertEquals(1L, count.page(0, 1).get(0)[0], "the reopened workspace's query engine works");
        }
        try (Stream<Path> aside = Files.walk(workspace.resolve("damaged"))) {
            assertTrue(aside.anyMatch(p -> p.getFileName().toString().equals("workbench.mv.db")),
                    "the old file is kept in damaged/, never deleted");
        }
        assertTrue(Files.exists(file), "a new database file");
    }

    /** The report's OK button. */
    private static Button okButton(FxRobot robot) {
        return robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && "OK".equals(b.getText()))
                .tryQuery().map(Button.class::cast).orElse(null);
    }
}
