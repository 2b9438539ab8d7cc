package org.featureworkbench.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.Record;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.WorkbenchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Data tab in the real window: the latest snapshot on opening, the history, the filters. */
@ExtendWith(ApplicationExtension.class)
class DataTabPageTest {
    @TempDir
    Path workspace;
    WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = WorkbenchFixture.show(workspace, stage, store -> {
            store.createFeatureGroup(Definitions.customers("customers"));
            // Recent event times: the group's 7-day TTL would expire (and purge) older records.
            for (int i = 0; i < 700; i++) {
                put(store, "c" + i, hoursAgo(3), i);
            }
            put(store, "c1", hoursAgo(2), 99);
            store.records().deleteRecord("customers", "c2", hoursAgo(1), DeletionMode.SOFT_DELETE, Set.of());
        });
        stage.setHeight(800);
        stage.setY(0);
    }

    private static String hoursAgo(int hours) {
        return org.featureworkbench.model.EventTimes.format(java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(3600L * hours),
                org.featureworkbench.model.FeatureType.STRING);
    }

    private static void put(org.featureworkbench.core.FeatureStore store, String id, String ts, int age) {
        store.records().putRecord("customers", Record.builder().put("customer_id", id).put("event_time", ts)
                .put("age", Integer.toString(age)).build(), Set.of(), null);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void showsTheLatestSnapshotPagedThenOneRecordsHistory(FxRobot robot) throws Exception {
        app.settle();
        robot.clickOn("customers");
        robot.clickOn("#dataTab");
        app.settle();
        TableView<Object[]> table = robot.lookup("#dataTable").queryTableView();
        assertTrue(text(robot, "#dataStatus").startsWith("699 records"), text(robot, "#dataStatus"));
        assertEquals(500, table.getItems().size());
        robot.clickOn("#dataNext");
        app.settle();
        assertEquals("Rows 501–699 of 699", text(robot, "#dataPageText"));

        robot.clickOn("#dataIncludeDeleted");
        robot.clickOn("#dataShow");
        app.settle();
        assertTrue(text(robot, "#dataStatus").startsWith("700 records"), text(robot, "#dataStatus"));

        robot.clickOn("#dataHistory");
        app.settle();
        robot.clickOn("#dataRecordId").write("c1").type(KeyCode.ENTER);
        app.settle();
        assertEquals(2, table.getItems().size());
        assertEquals(1L, table.getItems().get(0)[2]);
        assertEquals(99L, table.getItems().get(1)[2]);

        robot.clickOn("#dataFrom").write("not a date").type(KeyCode.ENTER);
        app.settle();
        assertTrue(text(robot, "#dataError").startsWith("From: 'not a date' is not a date"), text(robot, "#dataError"));
    }
}
